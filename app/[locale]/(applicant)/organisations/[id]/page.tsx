import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/inputs';
import { requireActor } from '@/lib/auth/guards';
import { formatDay } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { organisationWithPeople } from '@/lib/organisations/memberships';
import { canInOrganisation, canManageApiClient } from '@/lib/policy/policy';
import { inviteAction, membershipAction, revokeInvitationAction } from './actions';

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export const generateMetadata = pageTitle('members');

/** An organisation's people: every member sees them; the owners invite, change roles and remove. */
export default async function OrganisationPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale, `/organisations/${id}`);
  if (!canInOrganisation(actor, 'organisation.view', id)) notFound();
  const owner = canInOrganisation(actor, 'organisation.manage', id);
  const query = await searchParams;
  const [t, tRoles, tErrors, tApp, tClients, organisation] = await Promise.all([
    getTranslations('members'),
    getTranslations('organisationRoles'),
    getTranslations('errors'),
    getTranslations('application'),
    getTranslations('apiClients'),
    organisationWithPeople(id, owner),
  ]);
  const roles = (['owner', 'manager', 'viewer'] as const).map((r) => ({ value: r, label: tRoles(r) }));
  return (
    <>
      <p className="mb-4"><Link href="/account">← {tApp('back')}</Link></p>
      <h1 className="mb-2 text-3xl font-bold">{locale === 'km' ? organisation.nameKm : organisation.nameEn}</h1>
      <p className="mb-6 text-slate-600">{t('numbers', { registration: organisation.registrationNumber, tin: organisation.taxId })}</p>
      <p className="mb-6"><Link href={`/organisations/${id}/applications`}>{t('applications')}</Link></p>
      {canManageApiClient(actor, { organisationId: id }) ? <p className="mb-6"><Link href={`/organisations/${id}/api-clients`}>{tClients('organisationLink')}</Link></p> : null}
      {query.joined ? <Alert tone="success">{t('joined')}</Alert> : null}
      {query.invited ? <Alert tone="success">{t('invited')}</Alert> : null}
      {query.revoked ? <Alert tone="success">{t('revoked')}</Alert> : null}
      {query.changed ? <Alert tone="success">{t('changed')}</Alert> : null}
      {query.lastOwner ? <Alert tone="error">{t('lastOwner')}</Alert> : null}
      <h2 className="mb-3 text-2xl font-bold">{t('people')}</h2>
      <ul className="mb-8 flex flex-col gap-3">
        {organisation.members.map((m) => (
          <li key={m.user.id} className="border-l-4 border-brand-700 pl-3">
            <p className="font-bold">{m.user.name}</p>
            <p className="text-sm">{m.user.email} · {tRoles(m.role)}</p>
            {owner ? (
              <form action={membershipAction.bind(null, locale, id, m.user.id)} className="mt-2 flex flex-wrap items-end gap-2">
                <div className="max-w-xs">
                  <label htmlFor={`role-${m.user.id}`} className="block text-sm font-bold">{t('roleFor', { name: m.user.name })}</label>
                  <Select id={`role-${m.user.id}`} name="role" defaultValue={m.role} options={[...roles, { value: 'remove', label: t('remove') }]} />
                </div>
                <Button variant="secondary">{t('apply')}</Button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {owner ? (
        <>
          <ActionForm
            id="invite"
            action={inviteAction.bind(null, locale, id)}
            title={t('inviteTitle')}
            lead={t('inviteLead')}
            fields={[
              { kind: 'text', name: 'email', label: t('email') },
              { kind: 'radios', name: 'role', label: t('role'), options: roles },
            ]}
            submit={t('invite')}
            labels={{ summaryTitle: tErrors('summaryTitle'), errorPrefix: tErrors('errorPrefix'), select: tApp('select') }}
          />
          <h2 className="mb-3 text-2xl font-bold">{t('pending')}</h2>
          {organisation.invitations.length === 0 ? <p>{t('noPending')}</p> : (
            <ul className="flex flex-col gap-3">
              {organisation.invitations.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center gap-3">
                  <span>{i.email} · {tRoles(i.role)} · {t('until', { date: formatDay(i.expiresAt, locale) })}</span>
                  <form action={revokeInvitationAction.bind(null, locale, id, i.id)}>
                    <Button variant="secondary">{t('revoke')}<span className="sr-only"> {i.email}</span></Button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </>
  );
}
