import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { WebhookLog } from '@/components/api/webhook-log';
import { requireActor } from '@/lib/auth/guards';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { managedClient } from '@/lib/webhooks/owner';
import { disableWebhookAction, replayWebhookAction } from './actions';

type Props = { params: Promise<{ locale: Locale; id: string; clientId: string }>; searchParams: Promise<Record<string, string | undefined>> };

export const generateMetadata = pageTitle('webhooks');

/** A company's own client's webhook subscriptions and delivery log, for the company's owners. */
export default async function OrganisationWebhooksPage({ params, searchParams }: Props) {
  const { locale, id, clientId } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale, `/organisations/${id}/api-clients/${clientId}/webhooks`);
  const client = await managedClient(actor, clientId, id);
  if (!client) notFound();
  const { done } = await searchParams;
  return (
    <WebhookLog
      locale={locale}
      client={client}
      notice={done === 'replayed' || done === 'disabled' ? done : undefined}
      replayAction={replayWebhookAction.bind(null, locale, id, clientId)}
      disableAction={disableWebhookAction.bind(null, locale, id, clientId)}
    />
  );
}
