import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { WebhookLog } from '@/components/api/webhook-log';
import { requireArea } from '@/lib/auth/guards';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { managedClient } from '@/lib/webhooks/owner';
import { disableWebhookAction, replayWebhookAction } from './actions';

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export const generateMetadata = pageTitle('webhooks');

/** Any client's webhook subscriptions and delivery log, for administrators. */
export default async function AdminWebhooksPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireArea(locale, 'admin.enter', `/admin/api-clients/${id}/webhooks`);
  const client = await managedClient(actor, id);
  if (!client) notFound();
  const { done } = await searchParams;
  return (
    <WebhookLog
      locale={locale}
      client={client}
      notice={done === 'replayed' || done === 'disabled' ? done : undefined}
      replayAction={replayWebhookAction.bind(null, locale, id)}
      disableAction={disableWebhookAction.bind(null, locale, id)}
    />
  );
}
