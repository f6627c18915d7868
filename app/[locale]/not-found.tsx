import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-4">{t('typed')}</p>
      <p className="mb-4">{t('pasted')}</p>
      <p><Link href="/">{t('home')}</Link></p>
    </>
  );
}
