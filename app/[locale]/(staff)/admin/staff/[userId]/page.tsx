import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { adminFormLabels } from '@/components/admin/form-labels';
import { ActionForm } from '@/components/ui/action-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { StatusTag } from '@/components/ui/status-tag';
import { Table } from '@/components/ui/table';
import { requireArea } from '@/lib/auth/guards';
import { isUuid } from '@/lib/forms/action-arguments';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { listDepartments } from '@/lib/staff/departments';
import { assignableRoles, findStaffMember } from '@/lib/staff/members';
import { deactivateStaffAction, giveRoleAction, moveStaffAction, reactivateStaffAction, takeRoleAction } from './actions';

type Props = { params: Promise<{ locale: Locale; userId: string }>; searchParams: Promise<{ done?: string; refused?: string }> };

export const generateMetadata = pageTitle('staffAdmin.member');

const doneMessages = ['given', 'taken', 'moved', 'deactivated', 'reactivated'] as const;
const refusals = ['self', 'already', 'unknownDepartment', 'sameDepartment'] as const;

export default async function StaffMemberPage({ params, searchParams }: Props) {
  const { locale, userId } = await params;
  setRequestLocale(locale);
  const administrator = await requireArea(locale, 'admin.staff', `/admin/staff/${userId}`);
  const member = isUuid(userId) ? await findStaffMember(userId) : null;
  if (!member) notFound();
  const { done, refused } = await searchParams;
  const [t, tErrors, tRoles, tStatus, labels, departments] = await Promise.all([
    getTranslations('staffAdmin.member'),
    getTranslations('staffAdmin.errors'),
    getTranslations('roles'),
    getTranslations('userStatus'),
    adminFormLabels(),
    listDepartments(),
  ]);
  const name = (d: { nameKm: string; nameEn: string }) => (locale === 'km' ? d.nameKm : d.nameEn);
  const own = administrator.id === member.id;
  const heldIn = departments.filter((d) => member.roles.some((r) => r.department?.id === d.id));
  const departmentOptions = (list: typeof departments) => list.map((d) => ({ value: d.id, label: name(d) }));
  const doneMessage = doneMessages.find((m) => m === done);
  const refusal = refusals.find((r) => r === refused);

  return (
    <>
      <p className="mb-4"><Link href="/admin">← {t('back')}</Link></p>
      {doneMessage ? <Alert tone="success">{t(`done.${doneMessage}`)}</Alert> : null}
      {refusal ? <Alert tone="error">{tErrors(refusal)}</Alert> : null}
      <h1 className="mb-2 text-3xl font-bold">{member.name}</h1>
      <p className="mb-2">{t('email')}: {member.email}</p>
      <p className="mb-2">{t('status')}: <StatusTag tone={member.status === 'active' ? 'green' : 'red'}>{tStatus(member.status)}</StatusTag></p>
      <p className="mb-6">{t('claimed', { count: member._count.assigned })}</p>
      {own ? <Alert tone="info">{t('self')}</Alert> : null}
      {member.roles.length === 0 ? <p className="mb-6">{t('noRoles')}</p> : (
        <Table
          caption={t('roles')}
          rows={member.roles}
          rowKey={(r) => r.id}
          columns={[
            { header: t('role'), cell: (r) => tRoles(r.role) },
            { header: t('department'), cell: (r) => (r.department ? name(r.department) : t('noDepartment')) },
            ...(own ? [] : [{
              header: t('takeRole'),
              cell: (r: (typeof member.roles)[number]) => (
                <form action={takeRoleAction.bind(null, locale, member.id, r.id)}>
                  <Button variant="secondary">{t('takeRole')}<span className="sr-only"> ({tRoles(r.role)}{r.department ? `, ${name(r.department)}` : ''})</span></Button>
                </form>
              ),
            }]),
          ]}
        />
      )}
      {own ? null : (
        <>
          <ActionForm
            id="give-role"
            action={giveRoleAction.bind(null, locale, member.id)}
            title={t('giveTitle')}
            fields={[
              { kind: 'select', name: 'role', label: t('role'), options: assignableRoles.map((role) => ({ value: role, label: tRoles(role) })) },
              { kind: 'select', name: 'departmentId', label: t('department'), options: departmentOptions(departments) },
            ]}
            submit={t('giveSubmit')}
            labels={labels}
          />
          {heldIn.length > 0 ? (
            <ActionForm
              id="move-staff"
              action={moveStaffAction.bind(null, locale, member.id)}
              title={t('moveTitle')}
              lead={t('moveLead')}
              fields={[
                { kind: 'select', name: 'fromDepartmentId', label: t('from'), options: departmentOptions(heldIn) },
                { kind: 'select', name: 'toDepartmentId', label: t('to'), options: departmentOptions(departments) },
              ]}
              initial={heldIn.length === 1 ? { fromDepartmentId: heldIn[0]!.id } : {}}
              submit={t('moveSubmit')}
              labels={labels}
            />
          ) : null}
          <section aria-labelledby="account-title" className="mb-6 border-2 border-slate-300 p-4">
            <h3 id="account-title" className="mb-2 text-xl font-bold">{t('deactivateTitle')}</h3>
            {member.status === 'active' ? (
              <form action={deactivateStaffAction.bind(null, locale, member.id)}>
                <p className="mb-3">{t('deactivateLead')}</p>
                <Button variant="warning">{t('deactivate')}</Button>
              </form>
            ) : (
              <form action={reactivateStaffAction.bind(null, locale, member.id)}>
                <Button>{t('reactivate')}</Button>
              </form>
            )}
          </section>
        </>
      )}
    </>
  );
}
