import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import QRCode from 'qrcode';
import { SecondFactorForm } from '@/components/auth/second-factor-form';
import { requireActor, safeReturnPath } from '@/lib/auth/guards';
import { secondFactorState, staffEnrolmentKey } from '@/lib/auth/second-factor';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { homePath } from '@/lib/policy/policy';
import { submitSecondFactor } from './actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ next?: string }> };

export const generateMetadata = pageTitle('secondFactor');

/** Staff pass a code from their authenticator after the password; the first time, they enrol one. */
export default async function SecondFactorPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale, '/two-factor');
  if (!actor.secondFactorDue) redirect(`/${locale}${homePath(actor)}`);
  const next = safeReturnPath((await searchParams).next, locale);
  const [t, tErrors] = await Promise.all([getTranslations('secondFactor'), getTranslations('errors')]);
  const enrolled = (await secondFactorState(actor.id)) === 'confirmed';
  const form = (
    <SecondFactorForm
      action={submitSecondFactor.bind(null, locale, next)}
      texts={{
        code: enrolled ? t('code') : t('firstCode'),
        codeHint: enrolled ? t('codeHint') : t('firstCodeHint'),
        submit: enrolled ? t('submit') : t('confirm'),
        summaryTitle: tErrors('summaryTitle'),
        errorPrefix: tErrors('errorPrefix'),
      }}
    />
  );
  if (enrolled) {
    return (
      <>
        <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
        <p className="mb-6 max-w-2xl">{t('lead')}</p>
        {form}
        <p className="mt-8 max-w-2xl text-slate-700">{t('lost')}</p>
      </>
    );
  }

  const key = (await staffEnrolmentKey(actor.id))!;
  // Made on the server from the otpauth:// address by the qrcode package.
  const svg = await QRCode.toString(key.uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('enrolTitle')}</h1>
      <p className="mb-6 max-w-2xl">{t('enrolLead')}</p>
      <ol className="mb-8 flex max-w-2xl list-decimal flex-col gap-6 pl-6">
        <li>{t('stepApp')}</li>
        <li>
          <p className="mb-3">{t('stepScan')}</p>
          <div role="img" aria-label={t('qrLabel')} className="mb-4 w-56 border-2 border-slate-300 bg-white" dangerouslySetInnerHTML={{ __html: svg }} />
          <p className="mb-1">{t('stepKey')}</p>
          <p className="font-mono text-lg tracking-wider" data-testid="authenticator-key">{key.key.match(/.{1,4}/g)!.join(' ')}</p>
          <p className="text-sm text-slate-700">{t('keyDetails')}</p>
        </li>
        <li>{t('stepCode')}</li>
      </ol>
      {form}
    </>
  );
}
