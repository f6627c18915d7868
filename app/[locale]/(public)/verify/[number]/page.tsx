import { getTranslations, setRequestLocale } from 'next-intl/server';
import { HolderNameForm } from '@/components/licences/holder-name-form';
import { UnknownLicence } from '@/components/licences/unknown-licence';
import { Alert } from '@/components/ui/alert';
import { WithReferences } from '@/components/ui/reference';
import { StatusTag } from '@/components/ui/status-tag';
import { SummaryList } from '@/components/ui/summary-list';
import { clientAddress } from '@/lib/auth/session';
import { verifyLicence } from '@/lib/licences/documents';
import { numberFromAddress, readLicenceNumber } from '@/lib/licences/licence-number';
import { publicKeyPem } from '@/lib/licences/signature';
import { formatDay } from '@/lib/i18n/format';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale; number: string }>; searchParams: Promise<{ d?: string; s?: string; name?: string }> };

export const generateMetadata = pageTitle('verify');

/**
 * Public: what the QR code on a licence opens. The minimum a checker needs, nothing more: the
 * holder's name only to someone holding the document (its QR code, or the name printed on it).
 */
export default async function VerifyPage({ params, searchParams }: Props) {
  const { locale, number } = await params;
  setRequestLocale(locale);
  const { d, s, name } = await searchParams;
  // As typed from paper (lower case, spaces), the number still finds its licence.
  const asked = numberFromAddress(number).slice(0, 60);
  const read = readLicenceNumber(asked);
  const typed = typeof name === 'string' && name.trim() ? { name: name.slice(0, 120), clientAddress: await clientAddress() } : undefined;
  const [t, tErrors, result] = await Promise.all([
    getTranslations('verify'),
    getTranslations('errors'),
    verifyLicence(read.ok ? read.number : asked, d?.slice(0, 4000), s?.slice(0, 200), typed),
  ]);
  const tone = { valid: 'green', expired: 'amber', revoked: 'red' } as const;
  const check = result.found ? result.nameCheck : null;

  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{result.found ? <WithReferences text={t('heading', { number: result.number })} /> : t('title')}</h1>
      {!result.found ? <UnknownLicence number={asked} /> : (
        <section aria-labelledby="verdict" className="mb-8">
          <p id="verdict" className="mb-3 text-2xl font-bold"><StatusTag tone={tone[result.status]}>{t(result.status)}</StatusTag></p>
          <p className="mb-2">{t(`${result.status}Lead`)}</p>
          {result.revokedReason ? <p className="mb-4">{t('revokedReason', { reason: result.revokedReason })}</p> : null}
          {result.signature ? <Alert tone={result.signature === 'genuine' ? 'success' : 'error'}>{t(result.signature)}</Alert> : null}
          {check?.result === 'matches' ? <Alert tone="success">{t('nameMatches')}</Alert> : null}
          <SummaryList
            rows={[
              [t('document'), result.document[locale]],
              [t('holder'), result.holder ?? t('holderHidden')],
              ...result.facts.map(({ label, value }): [string, string] => [label[locale], value[locale]]),
              [t('validFrom'), formatDay(result.validFrom, locale)],
              [t('validUntil'), result.validUntil ? formatDay(result.validUntil, locale) : t('noExpiry')],
            ]}
          />
        </section>
      )}
      {result.found && result.holder === null ? (
        <HolderNameForm
          value={typed?.name}
          error={check?.result === 'differs' ? t('nameDiffers') : check?.result === 'limited' ? t('nameLimited', { minutes: check.minutes }) : undefined}
          labels={{
            heading: t('nameHeading'),
            lead: t('nameLead'),
            label: t('nameLabel'),
            hint: t('nameHint'),
            submit: t('nameSubmit'),
            errorPrefix: tErrors('errorPrefix'),
          }}
        />
      ) : null}
      <h2 className="mb-3 text-2xl font-bold">{t('offlineTitle')}</h2>
      <p className="mb-3 max-w-3xl">{t('offline')}</p>
      <h3 className="mb-2 text-lg font-bold">{t('publicKey')}</h3>
      <pre className="mb-8 overflow-x-auto border-2 border-slate-300 p-3 text-sm" tabIndex={0}>{publicKeyPem()}</pre>
    </>
  );
}
