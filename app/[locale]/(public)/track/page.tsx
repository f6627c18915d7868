import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { TrackForm } from '@/components/applications/track-form';
import type { Locale } from '@/lib/i18n/routing';
import { track } from './actions';

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = pageTitle('track');

export default async function TrackPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, tErrors] = await Promise.all([getTranslations('track'), getTranslations('errors')]);
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-8 max-w-2xl">{t('lead')}</p>
      <TrackForm
        action={track.bind(null, locale)}
        labels={{
          summaryTitle: tErrors('summaryTitle'),
          errorPrefix: tErrors('errorPrefix'),
          reference: t('reference'),
          referenceHint: t('referenceHint'),
          code: t('code'),
          codeHint: t('codeHint'),
          submit: t('submit'),
        }}
      />
    </>
  );
}
