import { setRequestLocale } from 'next-intl/server';
import { NewApiClient } from '@/components/api/client-screens';
import { requireArea } from '@/lib/auth/guards';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = pageTitle('apiClients.new');

export default async function NewAdminApiClientPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireArea(locale, 'admin.enter', '/admin/api-clients/new');
  return <NewApiClient locale={locale} area={{ kind: 'admin' }} />;
}
