import { getTranslations } from 'next-intl/server';

export async function SiteFooter() {
  const t = await getTranslations('layout');
  return (
    <footer className="mt-16 border-t-4 border-brand-700 bg-slate-100">
      <div className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-8 text-sm">
        <p className="font-bold">{t('footerFees')}</p>
        <p>{t('footerAddress')}</p>
        <p>{t('footerHotline')}</p>
        <p>{t('copyright', { year: new Date().getFullYear() })}</p>
      </div>
    </footer>
  );
}
