import { getTranslations, setRequestLocale } from 'next-intl/server';
import { DesignerPage } from '@/components/admin/service-designer/designer-page';
import { requireArea } from '@/lib/auth/guards';
import type { Locale } from '@/lib/i18n/routing';
import { designerDepartments } from '@/lib/services/designer';
import { newServiceValues } from '@/lib/services/designer-form';

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'designer' }))('newTitle') };
}

export default async function NewServicePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireArea(locale, 'admin.services', '/admin/services/new');
  const [t, departments] = await Promise.all([getTranslations('designer'), designerDepartments()]);
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t('newTitle')}</h1>
      <DesignerPage locale={locale} initial={newServiceValues(departments[0]?.code ?? '')} editing={null} />
    </>
  );
}
