'use server';
import { notFound, redirect } from 'next/navigation';
import { findApplication } from '@/lib/applications/find-application';
import { requireActor } from '@/lib/auth/guards';
import { localeArgument } from '@/lib/forms/action-arguments';
import { removeDocument } from '@/lib/documents/upload-document';

export async function removeDocumentAction(locale: string, id: string, documentId: string): Promise<void> {
  localeArgument(locale);
  const actor = await requireActor(locale, `/applications/${id}/documents`);
  const application = await findApplication(actor, id, 'application.edit');
  const document = application?.documents.find((d) => d.id === documentId);
  if (!application || !document) notFound();
  await removeDocument(application, document.id);
  redirect(`/${locale}/applications/${id}/documents?removed=${encodeURIComponent(document.requirementKey)}`);
}
