import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { readLicenceNumber } from '@/lib/licences/licence-number';
import { CheckLicenceForm } from './check-licence-form';

/**
 * The verification page for a number no licence has: says so (not "Page not found"), or what a
 * number looks like when the address holds no number at all, with the form to try again.
 */
export async function UnknownLicence({ number }: { number: string }) {
  const t = await getTranslations('checkLicence');
  const read = readLicenceNumber(number);
  if (!read.ok) return <CheckLicenceForm value={number} error={read.error} />;
  return (
    <>
      <Alert tone="error" title={t('notFoundTitle')}>
        <p>{t('notFound', { number: read.number })}</p>
      </Alert>
      <CheckLicenceForm value={read.number} />
    </>
  );
}
