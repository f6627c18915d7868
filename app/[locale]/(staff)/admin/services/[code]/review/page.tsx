import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { requireArea } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { draftReview } from '@/lib/services/service-admin';
import { publishReviewedDraft } from './actions';

type Props = { params: Promise<{ locale: Locale; code: string }> };

async function load({ params }: Props) {
  const { locale, code } = await params;
  const actor = await requireArea(locale, 'admin.services', `/admin/services/${code}/review`);
  const review = await draftReview(code);
  if (!review) notFound();
  return { locale, code, actor, review };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, review } = await load(props);
  const t = await getTranslations({ locale, namespace: 'servicesAdmin' });
  return { title: t('reviewTitle', { service: review.draft.definition.name[locale] }) };
}

export default async function ReviewDraftPage(props: Props) {
  const { locale, code, actor, review } = await load(props);
  setRequestLocale(locale);
  const [t, tErrors] = await Promise.all([getTranslations('servicesAdmin'), getTranslations('errors')]);
  const name = review.draft.definition.name[locale];
  const ownDraft = review.draft.editorIds.includes(actor.id);
  return (
    <>
      <Link href={`/admin/services/${code}`} className="mb-6 inline-block">← {t('backToService', { service: name })}</Link>
      <h1 className="mb-6 text-3xl font-bold">{t('reviewTitle', { service: name })}</h1>
      {review.editorNames.length ? <p className="mb-4">{t('editors', { names: review.editorNames.join(', ') })}</p> : null}
      <section aria-labelledby="diff-title" className="mb-6">
        <h2 id="diff-title" className="mb-2 text-2xl font-bold">{review.live ? t('diffTitle', { version: review.live.version }) : t('diffNew')}</h2>
        <ul className="list-disc pl-6">
          {review.changes.map((change, i) => <li key={i}>{change[locale]}</li>)}
        </ul>
      </section>
      {ownDraft ? (
        <Alert tone="info">{t('ownDraft')}</Alert>
      ) : (
        <ActionForm
          id="publish"
          action={publishReviewedDraft.bind(null, locale, code)}
          title={t('publishTitle')}
          lead={review.needsLegalInstrument ? t('instrumentNeeded') : undefined}
          hidden={{ reviewed: review.draft.fingerprint }}
          fields={[
            { kind: 'text', name: 'instrumentKm', label: t('instrumentKm'), hint: t('instrumentHint') },
            { kind: 'text', name: 'instrumentEn', label: t('instrumentEn'), hint: t('instrumentHint') },
            { kind: 'date', name: 'effectiveFrom', label: t('effectiveFromLabel'), hint: t('effectiveFromHint') },
          ]}
          submit={t('publishButton')}
          labels={{ summaryTitle: tErrors('summaryTitle'), errorPrefix: tErrors('errorPrefix'), select: '' }}
        />
      )}
    </>
  );
}
