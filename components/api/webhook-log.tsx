import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Table } from '@/components/ui/table';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import type { ManagedClient } from '@/lib/webhooks/owner';
import { deliveriesOf, subscriptionsOf, type DeliveryView } from '@/lib/webhooks/subscriptions';

/** How many of each subscription's newest deliveries the screen shows; the API pages through all. */
const shownDeliveries = 50;

/**
 * A client's webhook subscriptions and their delivery log, for its owner: the same on the
 * administrators' and the company's pages. Replay and Disable post to the page's own server
 * actions (plain forms: they work without JavaScript).
 */
export async function WebhookLog({ locale, client, notice, replayAction, disableAction }: {
  locale: Locale;
  client: ManagedClient;
  notice?: 'replayed' | 'disabled';
  replayAction: (data: FormData) => Promise<void>;
  disableAction: (data: FormData) => Promise<void>;
}) {
  const t = await getTranslations('webhooks');
  const subscriptions = await subscriptionsOf(client.id);
  const logs = await Promise.all(subscriptions.map((s) => deliveriesOf(s.id, { limit: shownDeliveries })));
  const statusText = (d: DeliveryView) => (d.status === 'delivered' ? t('status.delivered') : d.status === 'failed' ? t('status.failed') : t('status.pending'));
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-2 text-lg font-bold">{client.name}</p>
      <p className="mb-6 max-w-2xl">{t('lead')}</p>
      {notice ? <Alert tone="success">{t(`notice.${notice}`)}</Alert> : null}
      {subscriptions.length === 0 ? <p className="mb-6">{t('none')}</p> : null}
      {subscriptions.map((subscription, index) => {
        const deliveries = logs[index]?.items ?? [];
        return (
          <section key={subscription.id} aria-labelledby={`subscription-${subscription.id}`} className="mb-10 border-2 border-slate-300 p-4">
            <h2 id={`subscription-${subscription.id}`} className="mb-2 text-2xl font-bold break-all">{subscription.url}</h2>
            <dl className="mb-4 grid max-w-2xl grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              <dt className="font-bold">{t('events')}</dt>
              <dd>{subscription.events.join(', ')}</dd>
              <dt className="font-bold">{t('created')}</dt>
              <dd>{formatDateTime(subscription.createdAt, locale)}</dd>
              <dt className="font-bold">{t('state')}</dt>
              <dd>{subscription.disabledAt ? t('disabledOn', { when: formatDateTime(subscription.disabledAt, locale) }) : t('active')}</dd>
            </dl>
            {subscription.disabledAt ? null : (
              <form action={disableAction} className="mb-4">
                <input type="hidden" name="subscriptionId" value={subscription.id} />
                <Button variant="warning">{t('disable')}</Button>
              </form>
            )}
            {deliveries.length === 0 ? (
              <p>{t('noDeliveries')}</p>
            ) : (
              <Table
                caption={t('log', { count: deliveries.length })}
                rowKey={(d) => d.id}
                rows={deliveries}
                columns={[
                  { header: t('event'), cell: (d) => <><span className="font-bold">{d.eventType}</span><br /><code className="text-sm break-all">{d.eventId}</code></> },
                  { header: t('time'), cell: (d) => formatDateTime(d.createdAt, locale) },
                  { header: t('attempts'), cell: (d) => d.attempts, numeric: true },
                  { header: t('status.title'), cell: (d) => statusText(d) },
                  { header: t('lastAnswer'), cell: (d) => (d.lastStatusCode ?? d.lastError ?? '–'), wideOnly: true },
                  {
                    header: <span className="sr-only">{t('actions')}</span>,
                    cell: (d) =>
                      subscription.disabledAt ? null : (
                        <form action={replayAction}>
                          <input type="hidden" name="subscriptionId" value={subscription.id} />
                          <input type="hidden" name="deliveryId" value={d.id} />
                          <Button variant="secondary" aria-label={t('replayLabel', { event: d.eventType, when: formatDateTime(d.createdAt, locale) })}>{t('replay')}</Button>
                        </form>
                      ),
                  },
                ]}
              />
            )}
          </section>
        );
      })}
    </>
  );
}
