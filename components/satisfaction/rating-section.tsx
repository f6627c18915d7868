import { getTranslations } from 'next-intl/server';
import { rateAction } from '@/app/[locale]/(applicant)/applications/[id]/rating/actions';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { formatDay } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { ratingOf } from '@/lib/satisfaction/rate-application';

/**
 * "How was the service?" on a decided application's page: the form while nobody has rated it
 * (for whoever policy lets rate), the rating once given. `notice` is what the last post answered.
 */
export async function RatingSection({ applicationId, locale, mayRate, notice }: { applicationId: string; locale: Locale; mayRate: boolean; notice?: string }) {
  const rating = await ratingOf(applicationId);
  if (!rating && !mayRate) return null;
  const [t, tErrors, tApp] = await Promise.all([getTranslations('satisfaction'), getTranslations('errors'), getTranslations('application')]);
  return (
    <section id="satisfaction" aria-labelledby="satisfaction-title" className="mb-8">
      <h2 id="satisfaction-title" className="mb-3 text-2xl font-bold">{t('title')}</h2>
      {notice === 'already' ? <Alert tone="warning">{t('already')}</Alert> : null}
      {rating ? (
        notice === 'thanks' ? <Alert tone="success">{t('thanks', { score: rating.score })}</Alert> : <p>{t('rated', { score: rating.score, date: formatDay(rating.createdAt, locale) })}</p>
      ) : (
        <>
          <p className="mb-4 max-w-2xl">{t('lead')}</p>
          <ActionForm
            id="rating"
            action={rateAction.bind(null, locale, applicationId)}
            title={t('formTitle')}
            fields={[
              { kind: 'radios', name: 'score', label: t('score'), options: (['1', '2', '3', '4', '5'] as const).map((s) => ({ value: s, label: t(`scores.${s}`) })) },
              { kind: 'textarea', name: 'comment', label: t('comment'), hint: t('commentHint') },
            ]}
            submit={t('submit')}
            labels={{ summaryTitle: tErrors('summaryTitle'), errorPrefix: tErrors('errorPrefix'), select: tApp('select') }}
          />
        </>
      )}
    </section>
  );
}
