import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/ui/action-form';
import type { FormState } from '@/lib/forms/form-state';
import { Link } from '@/lib/i18n/navigation';

/**
 * An administrator's act on one member of staff (reset their second step, end their sessions):
 * who it is about, what it does, and a form that takes the reason the auditors will read.
 */
export async function StaffReasonPage({ texts, formId, person, action, children }: {
  texts: 'resetSecondFactor' | 'endStaffSessions';
  formId: string;
  person: { name: string; email: string | null };
  action: (state: FormState, data: FormData) => Promise<FormState>;
  /** What else the administrator should know before acting. */
  children?: ReactNode;
}) {
  const [t, tErrors] = await Promise.all([getTranslations(texts), getTranslations('errors')]);
  return (
    <>
      <p className="mb-4"><Link href="/admin">← {t('back')}</Link></p>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-2 text-lg font-bold">{person.name} · {person.email}</p>
      {children}
      <p className="mb-6 max-w-2xl">{t('lead')}</p>
      <ActionForm
        id={formId}
        action={action}
        title={t('formTitle')}
        fields={[{ kind: 'textarea', name: 'reason', label: t('reason'), hint: t('reasonHint') }]}
        submit={t('submit')}
        danger
        labels={{ summaryTitle: tErrors('summaryTitle'), errorPrefix: tErrors('errorPrefix'), select: '' }}
      />
    </>
  );
}
