'use server';
import { notFound, redirect } from 'next/navigation';
import { createDraft } from '@/lib/applications/create-draft';
import { requireActor } from '@/lib/auth/guards';
import { isLocale, routing } from '@/lib/i18n/routing';
import { findPublishedService } from '@/lib/services/queries';

export async function startApplication(locale: string, serviceCode: string, data: FormData): Promise<void> {
  const lang = isLocale(locale) ? locale : routing.defaultLocale;
  const actor = await requireActor(lang, `/services/${serviceCode}`);
  const service = await findPublishedService(serviceCode);
  const applyFor = String(data.get('for') ?? '');
  const draft = service ? await createDraft(actor, serviceCode, applyFor || null) : null;
  if (!service || !draft) notFound();
  redirect(`/${lang}/applications/${draft.id}/questions/${service.definition.pages[0]!.key}`);
}
