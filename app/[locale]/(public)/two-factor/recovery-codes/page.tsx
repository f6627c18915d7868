import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { requireActor, safeReturnPath } from '@/lib/auth/guards';
import { recoveryCodesCookie, type ShownRecoveryCodes } from '@/lib/auth/second-factor';
import { readSealedCookie } from '@/lib/auth/session';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { homePath } from '@/lib/policy/policy';
import { finishRecoveryCodes } from '../actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ next?: string }> };

export const generateMetadata = pageTitle('recoveryCodes');

/** The recovery codes of a newly set-up authenticator, shown once, right after it is confirmed. */
export default async function RecoveryCodesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale, '/two-factor/recovery-codes');
  const next = safeReturnPath((await searchParams).next, locale) ?? `/${locale}${homePath(actor)}`;
  const shown = await readSealedCookie<ShownRecoveryCodes>(recoveryCodesCookie);
  if (!shown || shown.userId !== actor.id) redirect(next);
  const t = await getTranslations('secondFactor');
  return (
    <section aria-labelledby="recovery-codes" className="max-w-xl">
      <h1 id="recovery-codes" className="mb-4 text-3xl font-bold">{t('recoveryTitle')}</h1>
      <Alert tone="warning">{t('recoveryLead')}</Alert>
      <ol className="mb-6 grid grid-cols-2 gap-2 font-mono text-lg" aria-label={t('recoveryTitle')}>
        {shown.codes.map((code) => <li key={code}>{code}</li>)}
      </ol>
      <form action={finishRecoveryCodes.bind(null, locale, next)}>
        <Button>{t('continue')}</Button>
      </form>
    </section>
  );
}
