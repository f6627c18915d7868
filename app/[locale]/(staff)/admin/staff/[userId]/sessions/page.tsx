import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { z } from 'zod';
import { ActionForm } from '@/components/ui/action-form';
import { requireArea } from '@/lib/auth/guards';
import { db } from '@/lib/db/client';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { rolesNeedingSecondFactor } from '@/lib/policy/policy';
import { endStaffSessionsAction } from './actions';

type Props = { params: Promise<{ locale: Locale; userId: string }> };

export const generateMetadata = pageTitle('endStaffSessions');

export default async function EndStaffSessionsPage({ params }: Props) {
  const { locale, userId } = await params;
  setRequestLocale(locale);
  await requireArea(locale, 'admin.enter', `/admin/staff/${userId}/sessions`);
  if (!z.uuid().safeParse(userId).success) notFound();
  const user = await db.user.findFirst({
    where: { id: userId, roles: { some: { role: { in: [...rolesNeedingSecondFactor] } } } },
    // Open rows, some of which may already be past their limits: "up to" in the text.
    select: { name: true, email: true, _count: { select: { sessions: { where: { endedAt: null } } } } },
  });
  if (!user) notFound();
  const [t, tErrors] = await Promise.all([getTranslations('endStaffSessions'), getTranslations('errors')]);
  return (
    <>
      <p className="mb-4"><Link href="/admin">← {t('back')}</Link></p>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-2 text-lg font-bold">{user.name} · {user.email}</p>
      <p className="mb-2">{t('open', { count: user._count.sessions })}</p>
      <p className="mb-6 max-w-2xl">{t('lead')}</p>
      <ActionForm
        id="end-sessions"
        action={endStaffSessionsAction.bind(null, locale, userId)}
        title={t('formTitle')}
        fields={[{ kind: 'textarea', name: 'reason', label: t('reason'), hint: t('reasonHint') }]}
        submit={t('submit')}
        danger
        labels={{ summaryTitle: tErrors('summaryTitle'), errorPrefix: tErrors('errorPrefix'), select: '' }}
      />
    </>
  );
}
