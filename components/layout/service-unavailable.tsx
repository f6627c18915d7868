import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { requestIdHeader } from '@/lib/operations/server-state';

/** Shown in place of a page whose data could not be read: nothing is lost, try again. */
export async function ServiceUnavailable() {
  const [t, requestId] = await Promise.all([getTranslations('errorPage'), headers().then((h) => h.get(requestIdHeader))]);
  return (
    <div role="alert">
      <h1 className="mb-6 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6">{t('body')}</p>
      {requestId ? <p className="mb-6">{t('reference', { reference: requestId })}</p> : null}
    </div>
  );
}
