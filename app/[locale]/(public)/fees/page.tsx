import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { TextInput } from '@/components/ui/inputs';
import { WithReferences } from '@/components/ui/reference';
import { officialFee } from '@/lib/applications/official-fee';
import { clientAddress } from '@/lib/auth/session';
import { formatDay, formatRiel } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ reference?: string }> };

export const generateMetadata = pageTitle('fees');

/** "What should I pay?": a GET form, so it works without JavaScript and the answer can be shared. */
export default async function FeesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, tErrors, tChanges] = await Promise.all([getTranslations('fees'), getTranslations('errors'), getTranslations('changelog')]);
  const reference = ((await searchParams).reference ?? '').trim().slice(0, 40);
  const fee = reference ? await officialFee(reference, await clientAddress()) : null;
  const notFound = fee?.ok === false && fee.error === 'notFound' ? t('notFound') : undefined;
  const limited = fee?.ok === false && fee.error === 'limited' ? t('limited', { minutes: fee.minutes }) : undefined;

  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-8 max-w-2xl">{t('lead')}</p>
      {fee?.ok ? (
        <section aria-labelledby="fee-result" className="mb-8 border-l-8 border-brand-700 bg-brand-50 p-4">
          <h2 id="fee-result" className="mb-2 text-2xl font-bold"><WithReferences text={t('resultTitle', { reference: fee.reference })} /></h2>
          <p className="mb-3">{fee.service[locale]}</p>
          <table className="mb-4 w-full max-w-xl border-collapse">
            <caption className="sr-only">{t('lines')}</caption>
            <tbody>
              {fee.lines.map((line, i) => (
                <tr key={i} className="border-b border-slate-300">
                  <th scope="row" className="py-2 pr-4 text-left font-normal">{line.label ? line.label[locale] : t('base')}</th>
                  <td className="py-2 text-right">{formatRiel(line.amount, locale)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row" className="py-2 pr-4 text-left">{t('total')}</th>
                <td className="py-2 text-right font-bold">{formatRiel(fee.totalRiel, locale)}</td>
              </tr>
            </tbody>
          </table>
          {fee.feeChangedSince ? (
            <p className="mb-2 font-bold">
              {fee.feeChangedSince.legalInstrument
                ? tChanges('feeKept', { date: formatDay(fee.feeChangedSince.from, locale), instrument: fee.feeChangedSince.legalInstrument[locale] })
                : tChanges('feeKeptNoInstrument', { date: formatDay(fee.feeChangedSince.from, locale) })}
            </p>
          ) : null}
          <p className="mb-2">{t('promise')}</p>
          <p>{t('report')} <Link href="/account">{t('reportLink')}</Link></p>
        </section>
      ) : null}
      {limited ? <Alert tone="error">{limited}</Alert> : null}
      <form method="get" className="max-w-xl">
        <Field id="reference" label={t('reference')} hint={t('referenceHint')} error={notFound} errorPrefix={tErrors('errorPrefix')}>
          <TextInput id="reference" hint={t('referenceHint')} error={notFound} defaultValue={reference} autoComplete="off" spellCheck={false} className="max-w-72 uppercase" />
        </Field>
        <Button>{t('submit')}</Button>
      </form>
    </>
  );
}
