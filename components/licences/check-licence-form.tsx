import { getLocale, getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { TextInput } from '@/components/ui/inputs';

/**
 * Takes a licence or permit number to its verification page, for someone holding the paper
 * without a QR code to scan (a bank officer, an employer). A GET form to /verify, which reads the
 * number and sends the browser on: it works without JavaScript and its address can be shared.
 */
export async function CheckLicenceForm({ value, error }: { value?: string; error?: 'required' | 'format' }) {
  const [locale, t, tErrors] = await Promise.all([getLocale(), getTranslations('checkLicence'), getTranslations('errors')]);
  const message = error ? t(error) : undefined;
  return (
    <form method="get" action={`/${locale}/verify`} noValidate className="mb-8 max-w-xl">
      <ErrorSummary title={tErrors('summaryTitle')} errors={message ? [{ href: 'number', message }] : []} />
      <Field id="number" label={t('label')} hint={t('hint')} error={message} errorPrefix={tErrors('errorPrefix')}>
        <TextInput id="number" hint={t('hint')} error={message} defaultValue={value} maxLength={60} autoComplete="off" spellCheck={false} className="max-w-80 uppercase" />
      </Field>
      <Button>{t('submit')}</Button>
    </form>
  );
}
