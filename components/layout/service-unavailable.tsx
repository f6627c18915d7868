import { getTranslations } from 'next-intl/server';

/** Shown in place of a page whose data could not be read: nothing is lost, try again. */
export async function ServiceUnavailable() {
  const t = await getTranslations('errorPage');
  return (
    <div role="alert">
      <h1 className="mb-6 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-6">{t('body')}</p>
    </div>
  );
}
