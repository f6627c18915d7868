import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { ApiClientList } from '@/components/api/client-screens';
import { listClientsAs } from '@/lib/api/manage-clients';
import { requireArea } from '@/lib/auth/guards';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = pageTitle('apiClients.list');

export default async function AdminApiClientsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const area = { kind: 'admin' } as const;
  const clients = await listClientsAs(await requireArea(locale, 'admin.enter', '/admin/api-clients'), area);
  if (!clients) notFound();
  return <ApiClientList locale={locale} area={area} clients={clients} back="/admin" />;
}
