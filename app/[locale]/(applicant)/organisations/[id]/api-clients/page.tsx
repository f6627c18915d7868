import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { ApiClientList } from '@/components/api/client-screens';
import { companyName } from '@/lib/api/company-name';
import { listClientsAs } from '@/lib/api/manage-clients';
import { requireActor } from '@/lib/auth/guards';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale; id: string }> };

export const generateMetadata = pageTitle('apiClients.list');

/** A company's own API clients: its owners only (managers, members and outsiders: not found). */
export default async function CompanyApiClientsPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const area = { kind: 'company', organisationId: id } as const;
  const clients = await listClientsAs(await requireActor(locale, `/organisations/${id}/api-clients`), area);
  const company = clients && (await companyName(id, locale));
  if (!clients || !company) notFound();
  return <ApiClientList locale={locale} area={area} clients={clients} back={`/organisations/${id}`} company={company} />;
}
