import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { NewApiClient } from '@/components/api/client-screens';
import { companyName } from '@/lib/api/company-name';
import { mayEnter } from '@/lib/api/manage-clients';
import { requireActor } from '@/lib/auth/guards';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: Locale; id: string }> };

export const generateMetadata = pageTitle('apiClients.new');

export default async function NewCompanyApiClientPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const area = { kind: 'company', organisationId: id } as const;
  const actor = await requireActor(locale, `/organisations/${id}/api-clients/new`);
  const company = mayEnter(actor, area) ? await companyName(id, locale) : null;
  if (!company) notFound();
  return <NewApiClient locale={locale} area={area} company={company} />;
}
