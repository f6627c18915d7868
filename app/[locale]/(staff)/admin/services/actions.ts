'use server';
import { getTranslations } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { requireArea } from '@/lib/auth/guards';
import { localeArgument } from '@/lib/forms/action-arguments';
import type { FormState } from '@/lib/forms/form-state';
import { importDraftFile, retireService } from '@/lib/services/drafts';

const maxFileBytes = 1024 * 1024;

/** Imports a definition file as its service's draft; a bad file is answered with its problems and changes nothing. */
export async function importDefinitionFile(locale: string, _: FormState, data: FormData): Promise<FormState> {
  const lang = localeArgument(locale);
  const actor = await requireArea(lang, 'admin.services', '/admin/services');
  const t = await getTranslations({ locale: lang, namespace: 'servicesAdmin' });
  const file = data.get('file');
  if (!(file instanceof File) || file.size === 0) return { fieldErrors: { file: t('importNoFile') } };
  if (file.size > maxFileBytes) return { fieldErrors: { file: t('importNotJson') } };
  const result = await importDraftFile(actor, await file.text());
  if (result.ok) redirect(`/${lang}/admin/services/${result.code}?imported=${result.version}`);
  if (result.reason !== 'invalid') {
    if (result.reason === 'notFound') notFound();
    return { fieldErrors: { file: t('importNotJson') } };
  }
  const tProblems = await getTranslations({ locale: lang, namespace: 'definitionProblems' });
  const said = (message: string, params?: Record<string, unknown>) =>
    tProblems.has(message as never) ? tProblems(message as never, params as never) : message;
  return {
    fieldErrors: { file: t('importInvalid') },
    changes: result.problems.slice(0, 50).map((p) => t('problemAt', { path: p.path.join('.') || '—', message: said(p.message, p.params) })),
  };
}

export async function retireServiceAction(locale: string, code: string, _: FormState, data: FormData): Promise<FormState> {
  const lang = localeArgument(locale);
  const actor = await requireArea(lang, 'admin.services', '/admin/services');
  if (typeof code !== 'string') notFound();
  const t = await getTranslations({ locale: lang, namespace: 'servicesAdmin' });
  if (String(data.get('confirm') ?? '').trim() !== code) return { fieldErrors: { confirm: t('retireMismatch') } };
  if (!(await retireService(actor, code))) notFound();
  redirect(`/${lang}/admin/services/${encodeURIComponent(code)}?retired=1`);
}
