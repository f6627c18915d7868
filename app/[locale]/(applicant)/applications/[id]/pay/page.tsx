import { notFound, redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import QRCode from 'qrcode';
import { Alert } from '@/components/ui/alert';
import { WithReferences } from '@/components/ui/reference';
import { openApplication } from '@/lib/applications/find-application';
import { requireActor } from '@/lib/auth/guards';
import { formatDateTime, formatRiel } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { billFor } from '@/lib/payments/payments';
import { refundStatement } from '@/lib/services/published-fee';

type Props = { params: Promise<{ locale: Locale; id: string }> };

export const generateMetadata = pageTitle('pay');

export default async function PayPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale, `/applications/${id}/pay`);
  const application = await openApplication(actor, id, 'application.pay');
  if (!application) notFound();
  const bill = await billFor(application);
  if (!bill || bill.status === 'paid') redirect(`/${locale}/applications/${id}`);
  const [t, tFee] = await Promise.all([getTranslations('pay'), getTranslations('feePolicy')]);
  const refund = refundStatement(application.definition, locale);
  const amount = formatRiel(bill.amountRiel, locale);
  const svg = await QRCode.toString(bill.khqr, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return (
    <>
      <p className="mb-4"><Link href={`/applications/${id}`}>← {t('back')}</Link></p>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6 max-w-2xl"><WithReferences text={t('lead', { amount, reference: bill.billNumber })} /></p>
      {/* The SVG is made on the server from the KHQR text by the qrcode package. */}
      <div role="img" aria-label={t('qrAlt', { amount, reference: bill.billNumber })} className="mb-6 w-64 max-w-full border-2 border-slate-800 bg-white" dangerouslySetInnerHTML={{ __html: svg }} />
      <dl className="mb-6 grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-bold">{t('amount')}</dt>
        <dd>{amount}</dd>
        <dt className="font-bold">{t('bill')}</dt>
        <dd>{bill.billNumber}</dd>
        <dt className="font-bold">{t('expires')}</dt>
        <dd>{formatDateTime(bill.expiresAt, locale)}</dd>
      </dl>
      <details className="mb-6">
        <summary className="cursor-pointer font-bold">{t('string')}</summary>
        <p className="mt-2 break-all font-mono text-sm">{bill.khqr}</p>
      </details>
      <p className="mb-6">{t('after')}</p>
      {refund ? (
        <section aria-labelledby="refund" className="mb-6">
          <h2 id="refund" className="mb-1 text-xl font-bold">{tFee('refusedTitle')}</h2>
          <p>{refund}</p>
        </section>
      ) : null}
      {process.env.PAYMENT_SANDBOX === '1' ? (
        <Alert tone="warning">
          <p>{t('sandbox')}</p>
          <p><Link href={`/sandbox-bank?bill=${encodeURIComponent(bill.billNumber)}`}>{t('sandboxLink')}</Link></p>
        </Alert>
      ) : null}
    </>
  );
}
