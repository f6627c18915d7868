import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { SummaryList } from '@/components/ui/summary-list';
import { Link } from '@/lib/i18n/navigation';
import { StatusTag } from '@/components/ui/status-tag';
import { Table } from '@/components/ui/table';
import { requireArea } from '@/lib/auth/guards';
import { isNationalIdOutcome, nationalIdSettings } from '@/lib/auth/national-id';
import { accountIdentity } from '@/lib/auth/national-id-accounts';
import { accountApplications } from '@/lib/applications/account-applications';
import { formatDateTime, formatDay } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { renderNotification } from '@/lib/notifications/messages';
import { recentNotifications } from '@/lib/notifications/in-app';
import type { NotificationData, NotificationKind } from '@/lib/notifications/notify';
import { membershipsOf } from '@/lib/organisations/memberships';
import { AccountSecurity } from '@/components/account/account-security';
import { Reference } from '@/components/ui/reference';
import { linkNationalIdAction } from './actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ created?: string; organisation?: string; nationalId?: string; password?: string; contact?: string }> };

export const generateMetadata = pageTitle('account');

export default async function AccountPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireArea(locale, 'applicant.dashboard', '/account');
  const { created, organisation, nationalId, password, contact } = await searchParams;
  const [t, tDashboard, tStatus, tOrg, tErrors, tComplaints] = await Promise.all([
    getTranslations('account'),
    getTranslations('dashboard'),
    getTranslations('applicationStatus'),
    getTranslations('organisationRoles'),
    getTranslations('errors'),
    getTranslations('complaints'),
  ]);
  const [identity, applications, memberships, notifications] = await Promise.all([
    accountIdentity(actor.id),
    accountApplications(actor),
    membershipsOf(actor.id),
    recentNotifications(actor.id),
  ]);

  // "Waiting for you" first: those are the ones a citizen must act on.
  const groups = [
    { key: 'needsAction' as const, rows: applications.filter((a) => a.status === 'info_requested') },
    { key: 'drafts' as const, rows: applications.filter((a) => a.status === 'draft') },
    { key: 'submitted' as const, rows: applications.filter((a) => a.status !== 'draft' && a.status !== 'info_requested') },
  ];

  return (
    <>
      {created ? <Alert tone="success" title={t('created')} /> : null}
      {organisation === 'created' ? <Alert tone="success" title={t('organisationCreated')} /> : null}
      {password === 'changed' ? <Alert tone="success" title={t('passwordChanged')} /> : null}
      {nationalId === 'linked' ? <Alert tone="success" title={t('identityLinked')} /> : null}
      {isNationalIdOutcome(nationalId) ? <Alert tone="error" title={tErrors(`nationalId.${nationalId}`)} /> : null}
      <p className="mb-1 text-slate-600">{t('welcome', { name: actor.name })}</p>
      <h1 className="mb-6 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-8 flex flex-wrap gap-4">
        <ButtonLink href="/services">{tDashboard('startNew')}</ButtonLink>
        <Link href="/organisations/new" className="self-center">{t('registerOrganisation')}</Link>
      </p>
      {applications.length === 0 ? <p className="mb-8">{t('empty')}</p> : null}
      {groups.map(({ key, rows }) =>
        rows.length === 0 ? null : (
          <Table
            key={key}
            caption={tDashboard(key)}
            rows={rows}
            rowKey={(a) => a.id}
            columns={[
              {
                header: t('service'),
                cell: (a) => (
                  <Link href={`/applications/${a.id}`}>
                    {locale === 'km' ? a.serviceVersion.nameKm : a.serviceVersion.nameEn}
                    <span className="sr-only"> ({a.status === 'draft' ? tDashboard('continue') : tDashboard('view')})</span>
                  </Link>
                ),
              },
              { header: t('reference'), cell: (a) => (a.reference ? <Reference>{a.reference}</Reference> : t('noReference')) },
              { header: t('status'), cell: (a) => <StatusTag tone={a.status === 'info_requested' ? 'amber' : a.status === 'draft' ? 'grey' : 'blue'}>{tStatus(a.status)}</StatusTag> },
              { header: t('updated'), cell: (a) => formatDay(a.updatedAt, locale) },
            ]}
          />
        ),
      )}
      <p className="mb-8"><Link href="/account/complaints">{tComplaints('accountLink')}</Link></p>
      {notifications.length > 0 ? (
        <section aria-labelledby="notifications" className="mb-8">
          <h2 id="notifications" className="mb-3 text-2xl font-bold">{t('notificationsTitle')}</h2>
          <ul className="flex flex-col gap-2">
            {notifications.map((n) => (
              <li key={n.id} className="border-l-4 border-brand-700 pl-3">
                <p>
                  {n.applicationId ? (
                    <Link href={`/applications/${n.applicationId}`}>{renderNotification(n.kind as NotificationKind, n.data as unknown as NotificationData, { name: actor.name, locale }, '').subject}</Link>
                  ) : (
                    // About the account itself (someone tried to register with its address).
                    renderNotification(n.kind as NotificationKind, n.data as unknown as NotificationData, { name: actor.name, locale }, '').subject
                  )}
                </p>
                <p className="text-sm text-slate-600">{formatDateTime(n.createdAt, locale)}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="identity" className="mb-8">
        <h2 id="identity" className="mb-3 text-2xl font-bold">{t('identityTitle')}</h2>
        {identity.nationalIdVerifiedAt && identity.dateOfBirth && identity.nationalIdNumber ? (
          <>
            <p className="mb-3"><StatusTag tone="green">{t('identityVerified')}</StatusTag></p>
            <SummaryList
              className="mb-3"
              rows={[
                [t('identityName'), identity.name],
                [t('identityBirth'), formatDay(identity.dateOfBirth.toISOString().slice(0, 10), locale)],
                [t('identityNumber'), identity.nationalIdNumber],
              ]}
            />
            <p className="text-slate-700">{t('identityNote')}</p>
          </>
        ) : nationalIdSettings() ? (
          <form action={linkNationalIdAction.bind(null, locale)}>
            <p className="mb-3 max-w-2xl">{t('identityLinkLead')}</p>
            <Button variant="secondary">{t('identityLink')}</Button>
          </form>
        ) : (
          <p>{t('identityNone')}</p>
        )}
      </section>
      <AccountSecurity userId={actor.id} locale={locale} from="account" contact={contact} />
      {memberships.length > 0 ? (
        <section aria-labelledby="organisations">
          <h2 id="organisations" className="mb-3 text-2xl font-bold">{t('organisationsTitle')}</h2>
          <ul className="flex flex-col gap-2">
            {memberships.map((m) => (
              <li key={m.organisation.id} className="border-l-4 border-brand-700 pl-3">
                <p className="font-bold">{locale === 'km' ? m.organisation.nameKm : m.organisation.nameEn}</p>
                <p className="text-sm">{t('organisationRole', { role: tOrg(m.role) })}</p>
                <p className="text-sm"><Link href={`/organisations/${m.organisation.id}/applications`}>{t('organisationDashboard')}<span className="sr-only"> ({locale === 'km' ? m.organisation.nameKm : m.organisation.nameEn})</span></Link></p>
                <p className="text-sm"><Link href={`/organisations/${m.organisation.id}`}>{t('manageOrganisation')}<span className="sr-only"> ({locale === 'km' ? m.organisation.nameKm : m.organisation.nameEn})</span></Link></p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
