// The API client screens, shared by the administration (/admin/api-clients) and a company's
// owners (/organisations/[id]/api-clients): the routes check who may enter and load the client;
// these show it. A company's screens have no choice of owner: the company owns what they register.
import { randomUUID } from 'node:crypto';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { StatusTag } from '@/components/ui/status-tag';
import { SummaryList } from '@/components/ui/summary-list';
import { Table } from '@/components/ui/table';
import { requestsPerMinuteBounds, type ClientArea, type ShownClient } from '@/lib/api/manage-clients';
import { registerApiClientAction, revokeApiClientAction, rotateApiClientAction } from '@/lib/api/manage-clients-actions';
import { formatDateTime, formatDay, formatNumber } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { apiScopes } from '@/lib/policy/policy';
import { ClientChangeForm } from './client-change-form';
import type { IssuedSecretLabels } from './issued-secret';
import { RegisterClientForm } from './register-client-form';

type Translator = Awaited<ReturnType<typeof getTranslations<'apiClients'>>>;

/** The address of the area's screens, without the locale. */
export const clientsPath = (area: ClientArea) => (area.kind === 'admin' ? '/admin/api-clients' : `/organisations/${area.organisationId}/api-clients`);

const scopeKey = (scope: string) => scope.split(':')[0] as 'licences' | 'applications' | 'payments';
const boundOrganisation = (area: ClientArea) => (area.kind === 'admin' ? null : area.organisationId);

function ownerName(client: ShownClient, locale: Locale, t: Translator): string {
  const name = locale === 'km' ? client.institutionKm : client.institutionEn;
  return client.organisation ? t('ownerCompany', { name, number: client.organisation.registrationNumber }) : name;
}

const status = (client: ShownClient, t: Translator) =>
  client.revokedAt ? <StatusTag tone="red">{t('status.revoked')}</StatusTag> : <StatusTag tone="green">{t('status.active')}</StatusTag>;

function BackLink({ href, children }: { href: string; children: string }) {
  return <p className="mb-4"><Link href={href}>← {children}</Link></p>;
}

/** Every client of the area, newest first, each linking to its page. */
export async function ApiClientList({ locale, area, clients, back, company }: { locale: Locale; area: ClientArea; clients: ShownClient[]; back: string; company?: string }) {
  const t = await getTranslations('apiClients');
  const base = clientsPath(area);
  return (
    <>
      <BackLink href={back}>{t('back')}</BackLink>
      <h1 className="mb-2 text-3xl font-bold">{t('list.title')}</h1>
      {company ? <p className="mb-2 text-lg font-bold">{company}</p> : null}
      <p className="mb-6 max-w-3xl">{area.kind === 'admin' ? t('list.lead') : t('list.companyLead')}</p>
      <p className="mb-6"><ButtonLink href={`${base}/new`}>{t('list.register')}</ButtonLink></p>
      {clients.length === 0 ? <p>{t('list.none')}</p> : (
        <Table
          caption={t('list.caption')}
          rows={clients}
          rowKey={(c) => c.id}
          columns={[
            { header: t('list.name'), cell: (c) => <Link href={`${base}/${c.id}`} className="font-bold">{c.name}</Link> },
            { header: t('list.owner'), cell: (c) => ownerName(c, locale, t) },
            { header: t('list.scopes'), cell: (c) => <span className="flex flex-col">{c.scopes.map((s) => <code key={s}>{s}</code>)}</span>, wideOnly: true },
            { header: t('list.status'), cell: (c) => status(c, t) },
            { header: t('list.created'), cell: (c) => formatDay(c.createdAt, locale), wideOnly: true },
          ]}
        />
      )}
    </>
  );
}

function issuedLabels(t: Translator, title: string): IssuedSecretLabels {
  return {
    title,
    warning: t('issued.warning'),
    clientId: t('issued.clientId'),
    secret: t('issued.secret'),
    tokenTitle: t('issued.tokenTitle'),
    tokenLead: t('issued.tokenLead'),
    tokenUrl: t('issued.tokenUrl'),
    reference: t('issued.reference'),
    referenceHref: '/api/reference',
    done: t('issued.done'),
  };
}

/** The register form; a company's says whose the client will be instead of asking. */
export async function NewApiClient({ locale, area, company }: { locale: Locale; area: ClientArea; company?: string }) {
  const [t, tErrors] = await Promise.all([getTranslations('apiClients'), getTranslations('errors')]);
  const text = (key: 'name' | 'owner' | 'institutionEn' | 'institutionKm' | 'registrationNumber' | 'scopes' | 'allowedIps' | 'requestsPerMinute') => ({
    label: t(`new.${key}`),
    hint: t(`new.${key}Hint`),
  });
  return (
    <>
      <BackLink href={clientsPath(area)}>{t('back')}</BackLink>
      <h1 className="mb-4 text-3xl font-bold">{t('new.title')}</h1>
      {company ? <p className="mb-4 max-w-3xl border-l-8 border-brand-700 bg-brand-50 p-4">{t('new.companyOwner', { company })}</p> : null}
      <p className="mb-6 max-w-3xl">{t('new.lead')}</p>
      <RegisterClientForm
        action={registerApiClientAction.bind(null, locale, boundOrganisation(area))}
        formToken={randomUUID()}
        usualPerMinute={requestsPerMinuteBounds.usual}
        labels={{
          formTitle: t('new.formTitle'),
          name: text('name'),
          owner: area.kind === 'admin'
            ? { ...text('owner'), institution: t('new.ownerInstitution'), company: t('new.ownerCompany'), institutionEn: text('institutionEn'), institutionKm: text('institutionKm'), registrationNumber: text('registrationNumber') }
            : undefined,
          scopes: { ...text('scopes'), options: apiScopes.map((s) => ({ value: s, label: t(`scopeNames.${scopeKey(s)}`) })) },
          allowedIps: text('allowedIps'),
          requestsPerMinute: text('requestsPerMinute'),
          submit: t('new.submit'),
          openClient: t('errors.openClient'),
          summaryTitle: tErrors('summaryTitle'),
          errorPrefix: tErrors('errorPrefix'),
          issued: issuedLabels(t, t('issued.registeredTitle')),
        }}
      />
    </>
  );
}

/** One client: what it is, its webhooks, and the forms that rotate its secret and revoke it. */
export async function ApiClientDetails({ locale, area, client, revokedNow }: { locale: Locale; area: ClientArea; client: ShownClient & { secretVersion: string }; revokedNow: boolean }) {
  const t = await getTranslations('apiClients');
  const base = clientsPath(area);
  const here = `/${locale}${base}/${client.id}`;
  const organisationId = boundOrganisation(area);
  const change = (kind: 'rotate' | 'revoke') => ({
    title: t(`detail.${kind}Title`),
    lead: t(`detail.${kind}Lead`),
    submit: t(`detail.${kind}`),
    confirmTitle: t(`detail.${kind}ConfirmTitle`, { name: client.name }),
    confirm: t(`detail.${kind}Confirm`),
    confirmSubmit: t(`detail.${kind}Yes`),
    cancel: t('detail.cancel'),
  });
  return (
    <>
      <BackLink href={base}>{t('back')}</BackLink>
      {revokedNow ? <Alert tone="success">{t('list.revokedNotice')}</Alert> : null}
      <p className="text-lg text-slate-600">{t('detail.title')}</p>
      <h1 className="mb-6 text-3xl font-bold">{client.name}</h1>
      <SummaryList
        className="mb-6"
        rows={[
          [t('detail.clientId'), <code key="id" className="break-all">{client.id}</code>],
          [t('detail.owner'), ownerName(client, locale, t)],
          [t('detail.scopes'), <ul key="s">{client.scopes.map((s) => <li key={s}>{apiScopes.includes(s as never) ? t(`scopeNames.${scopeKey(s)}`) : s}</li>)}</ul>],
          [t('detail.allowedIps'), client.allowedIps.length ? <ul key="ip">{client.allowedIps.map((ip) => <li key={ip}><code>{ip}</code></li>)}</ul> : t('detail.anyAddress')],
          [t('detail.requestsPerMinute'), formatNumber(client.requestsPerMinute, locale)],
          [t('detail.created'), formatDateTime(client.createdAt, locale)],
          [t('detail.status'), <span key="st" className="flex flex-wrap items-center gap-2">{status(client, t)}{client.revokedAt ? t('detail.revokedOn', { date: formatDateTime(client.revokedAt, locale) }) : null}</span>],
        ]}
      />
      {/* The webhooks of a client have pages of their own, beside this one. */}
      <p className="mb-8"><Link href={`${base}/${client.id}/webhooks`} className="font-bold">{t('detail.webhooks')}</Link></p>
      {client.revokedAt ? null : (
        <>
          <ClientChangeForm
            id="rotate"
            action={rotateApiClientAction.bind(null, locale, organisationId, client.id)}
            labels={change('rotate')}
            issuedLabels={issuedLabels(t, t('issued.rotatedTitle'))}
            hidden={{ secretVersion: client.secretVersion }}
            cancelHref={here}
          />
          <ClientChangeForm id="revoke" action={revokeApiClientAction.bind(null, locale, organisationId, client.id)} labels={change('revoke')} cancelHref={here} />
        </>
      )}
    </>
  );
}
