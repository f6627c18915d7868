'use server';
import { getTranslations } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { requireArea } from '@/lib/auth/guards';
import { localeArgument } from '@/lib/forms/action-arguments';
import { formValues, type FormState } from '@/lib/forms/form-state';
import { publishServiceDraft } from '@/lib/services/drafts';

/** Publishes the reviewed draft. A replay re-checks everything: the editors of the draft are refused here too. */
export async function publishReviewedDraft(locale: string, code: string, _: FormState, data: FormData): Promise<FormState> {
  const lang = localeArgument(locale);
  const actor = await requireArea(lang, 'admin.services', '/admin/services');
  if (typeof code !== 'string') notFound();
  const field = (name: string) => String(data.get(name) ?? '');
  const result = await publishServiceDraft(actor, code, { reviewed: field('reviewed'), instrumentKm: field('instrumentKm'), instrumentEn: field('instrumentEn'), effectiveFrom: field('effectiveFrom') });
  if (result.ok) redirect(`/${lang}/admin/services/${encodeURIComponent(code)}?published=${result.version}`);
  if (result.reason === 'notFound') notFound();
  const t = await getTranslations({ locale: lang, namespace: 'servicesAdmin' });
  const values = formValues(data);
  switch (result.reason) {
    case 'instrumentRequired':
    case 'instrumentIncomplete':
      return { values, fieldErrors: { instrumentKm: t('instrumentRequired'), instrumentEn: t('instrumentRequired') } };
    case 'effectiveFromPast':
      return { values, fieldErrors: { effectiveFrom: t('effectiveFromPast') } };
    default:
      return { values, formError: t(result.reason) };
  }
}
