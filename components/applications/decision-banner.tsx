import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Reference, WithReferences } from '@/components/ui/reference';
import type { Outcome } from '@/lib/applications/outcome';
import { formatDay } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';

interface Props {
  outcome: Outcome;
  locale: Locale;
  /** The reason the applicant was given with a rejection. */
  rejectedReason?: string;
  licence: { number: string; revokedReason: string | null } | null;
  /** Where the applicant downloads the document; null until its fee is paid. */
  download: string | null;
}

/** What the applicant's page leads with once a file is decided: the decision, in its colour. */
export async function DecisionBanner({ outcome, locale, rejectedReason, licence, download }: Props) {
  const [t, tOutcome] = await Promise.all([getTranslations('application'), getTranslations('outcome')]);
  const downloadLink = licence && download ? <p><a href={download}>{t('downloadLicence')}</a> (<Reference>{licence.number}</Reference>)</p> : null;
  const reason = (text: string | null | undefined) => (
    <p><span className="font-bold">{t('reason')}: </span><span className="whitespace-pre-line">{text}</span></p>
  );
  switch (outcome.decision) {
    case 'rejected':
      return <Alert tone="error" title={t('rejectedTitle')}>{reason(rejectedReason)}</Alert>;
    case 'approved':
      return <Alert tone="success" title={t('approvedTitle')} />;
    case 'issued':
      return (
        <Alert tone="success" title={t('issuedTitle')}>
          {downloadLink}
          {licence && !download ? <p>{t('payBeforeDownload')}</p> : null}
        </Alert>
      );
    case 'revoked':
      return (
        <Alert tone="error" title={tOutcome('revokedTitle')}>
          {licence && outcome.on ? <p><WithReferences text={tOutcome('revokedLead', { number: licence.number, date: formatDay(outcome.on, locale) })} /></p> : null}
          {reason(licence?.revokedReason)}
          {downloadLink}
        </Alert>
      );
    case 'withdrawn':
      return null;
  }
}
