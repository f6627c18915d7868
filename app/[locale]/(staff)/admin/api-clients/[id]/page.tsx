import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { ApiClientDetails } from '@/components/api/client-screens';
import { findClientAs } from '@/lib/api/manage-clients';
import { requireArea } from '@/lib/auth/guards';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<{ revoked?: string }> };

export const generateMetadata = pageTitle('apiClients.detail');

export default async function AdminApiClientPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const area = { kind: 'admin' } as const;
  const client = await findClientAs(await requireArea(locale, 'admin.enter', `/admin/api-clients/${id}`), area, id);
  if (!client) notFound();
  return <ApiClientDetails locale={locale} area={area} client={client} revokedNow={Boolean((await searchParams).revoked)} />;
}
