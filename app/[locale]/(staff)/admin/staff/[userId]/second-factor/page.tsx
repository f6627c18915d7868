import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { z } from 'zod';
import { StaffReasonPage } from '@/components/admin/staff-reason-page';
import { requireArea } from '@/lib/auth/guards';
import { db } from '@/lib/db/client';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { rolesNeedingSecondFactor } from '@/lib/policy/policy';
import { resetSecondFactorAction } from './actions';

type Props = { params: Promise<{ locale: Locale; userId: string }> };

export const generateMetadata = pageTitle('resetSecondFactor');

export default async function ResetSecondFactorPage({ params }: Props) {
  const { locale, userId } = await params;
  setRequestLocale(locale);
  await requireArea(locale, 'admin.enter', `/admin/staff/${userId}/second-factor`);
  if (!z.uuid().safeParse(userId).success) notFound();
  const user = await db.user.findFirst({
    where: { id: userId, roles: { some: { role: { in: [...rolesNeedingSecondFactor] } } }, secondFactor: { confirmedAt: { not: null } } },
    select: { name: true, email: true },
  });
  if (!user) notFound();
  return <StaffReasonPage texts="resetSecondFactor" formId="reset" person={user} action={resetSecondFactorAction.bind(null, locale, userId)} />;
}
