import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { z } from 'zod';
import { StaffReasonPage } from '@/components/admin/staff-reason-page';
import { requireArea } from '@/lib/auth/guards';
import { findStaffWithSecondFactor } from '@/lib/auth/second-factor';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { resetSecondFactorAction } from './actions';

type Props = { params: Promise<{ locale: Locale; userId: string }> };

export const generateMetadata = pageTitle('resetSecondFactor');

export default async function ResetSecondFactorPage({ params }: Props) {
  const { locale, userId } = await params;
  setRequestLocale(locale);
  await requireArea(locale, 'admin.enter', `/admin/staff/${userId}/second-factor`);
  if (!z.uuid().safeParse(userId).success) notFound();
  const user = await findStaffWithSecondFactor(userId);
  if (!user) notFound();
  return <StaffReasonPage texts="resetSecondFactor" formId="reset" person={user} action={resetSecondFactorAction.bind(null, locale, userId)} />;
}
