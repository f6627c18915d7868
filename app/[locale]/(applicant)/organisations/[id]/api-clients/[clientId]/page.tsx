import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { ApiClientDetails } from '@/components/api/client-screens';
import { findClientAs } from '@/lib/api/manage-clients';
import { requireActor } from '@/lib/auth/guards';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale; id: string; clientId: string }>; searchParams: Promise<{ revoked?: string }> };

export const generateMetadata = pageTitle('apiClients.detail');

export default async function CompanyApiClientPage({ params, searchParams }: Props) {
  const { locale, id, clientId } = await params;
  setRequestLocale(locale);
  const area = { kind: 'company', organisationId: id } as const;
  const client = await findClientAs(await requireActor(locale, `/organisations/${id}/api-clients/${clientId}`), area, clientId);
  if (!client) notFound();
  return <ApiClientDetails locale={locale} area={area} client={client} revokedNow={Boolean((await searchParams).revoked)} />;
}
