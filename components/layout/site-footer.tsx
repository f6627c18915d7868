import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

// Not a page of the portal's (lib/api/reference.ts): one address whatever the language.
const apiReference = '/api/reference';

export async function SiteFooter() {
  const [t, tCheck, tApi, tPerformance, tOpenData, tComplaints] = await Promise.all([
    getTranslations('layout'),
    getTranslations('checkLicence'),
    getTranslations('api'),
    getTranslations('performance'),
    getTranslations('openData'),
    getTranslations('complaints'),
  ]);
  return (
    <footer className="mt-16 border-t-4 border-brand-700 bg-slate-100">
      <div className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-8 text-sm">
        <p className="font-bold">{t('footerFees')}</p>
        <p><Link href="/verify">{tCheck('footerLink')}</Link></p>
        <p><Link href="/performance">{tPerformance('footerLink')}</Link></p>
        <p><Link href="/open-data">{tOpenData('title')}</Link></p>
        <p><Link href="/complaints/new">{tComplaints('footerLink')}</Link></p>
        <p><a href={apiReference}>{tApi('reference')}</a></p>
        <p>{t('footerAddress')}</p>
        <p>{t('footerHotline')}</p>
        <p>{t('copyright', { year: new Date().getFullYear() })}</p>
      </div>
    </footer>
  );
}
