'use server';
import { notFound, redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/session';
import { localeArgument } from '@/lib/forms/action-arguments';
import { can } from '@/lib/policy/policy';
import { draftFor } from '@/lib/services/designer';
import type { Problem } from '@/lib/services/designer-form';
import { saveDraft } from '@/lib/services/drafts';

/**
 * Saves the designer's definition as the service's draft. `editing` is the service being edited
 * (its code cannot change), or null for a new one, whose code must not be taken. Answers with the
 * problems found, or goes to the saved draft.
 */
export async function saveServiceDraft(locale: string, editing: string | null, input: unknown): Promise<{ problems: Problem[] }> {
  localeArgument(locale);
  const actor = await currentActor();
  if (!actor || !can(actor, 'admin.services')) notFound();
  if (typeof input !== 'object' || input === null) return { problems: [{ path: [], message: 'check' }] };
  const definition = editing === null ? input : { ...input, code: editing };
  if (typeof editing === 'string' && !(await draftFor(editing))) notFound();
  const code = (definition as { code?: unknown }).code;
  if (editing === null && typeof code === 'string' && (await draftFor(code))) {
    return { problems: [{ path: ['code'], message: 'codeTaken', params: { code } }] };
  }
  const saved = await saveDraft(actor, definition);
  if ('notFound' in saved) notFound();
  if (!saved.ok) return { problems: saved.problems };
  redirect(`/${locale}/admin/services/${String(code)}/edit?saved=1`);
}
