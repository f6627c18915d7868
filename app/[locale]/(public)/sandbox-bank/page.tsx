import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { formatRiel } from '@/lib/i18n/format';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { billByNumber } from '@/lib/payments/payments';
import { confirmSandboxPayment } from './actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ bill?: string; refused?: string }> };

export const generateMetadata = pageTitle('sandboxBank');

/** The bank's part in the demo and the tests; absent unless PAYMENT_SANDBOX=1. */
export default async function SandboxBankPage({ params, searchParams }: Props) {
  if (process.env.PAYMENT_SANDBOX !== '1') notFound();
  const { locale } = await params;
  setRequestLocale(locale);
  const { bill: billNumber = '', refused } = await searchParams;
  const t = await getTranslations('sandboxBank');
  const bill = billNumber ? await billByNumber(billNumber.slice(0, 40)) : null;
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 max-w-2xl">{t('lead')}</p>
      {refused ? <Alert tone="error">{t('refused', { outcome: refused.slice(0, 40) })}</Alert> : null}
      {!bill ? <p>{t('unknown')}</p> : (
        <form action={confirmSandboxPayment.bind(null, locale, bill.billNumber)}>
          <p className="mb-4 text-lg font-bold">{t('bill', { bill: bill.billNumber, amount: formatRiel(bill.amountRiel, locale) })}</p>
          <Button>{t('confirm')}</Button>
        </form>
      )}
    </>
  );
}
