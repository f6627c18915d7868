import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { z } from 'zod';
import { StaffReasonPage } from '@/components/admin/staff-reason-page';
import { requireArea } from '@/lib/auth/guards';
import { findStaffWithOpenSessions } from '@/lib/auth/sessions';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { endStaffSessionsAction } from './actions';

type Props = { params: Promise<{ locale: Locale; userId: string }> };

export const generateMetadata = pageTitle('endStaffSessions');

export default async function EndStaffSessionsPage({ params }: Props) {
  const { locale, userId } = await params;
  setRequestLocale(locale);
  await requireArea(locale, 'admin.enter', `/admin/staff/${userId}/sessions`);
  if (!z.uuid().safeParse(userId).success) notFound();
  const user = await findStaffWithOpenSessions(userId);
  if (!user) notFound();
  const t = await getTranslations('endStaffSessions');
  return (
    <StaffReasonPage texts="endStaffSessions" formId="end-sessions" person={user} action={endStaffSessionsAction.bind(null, locale, userId)}>
      <p className="mb-2">{t('open', { count: user._count.sessions })}</p>
    </StaffReasonPage>
  );
}
