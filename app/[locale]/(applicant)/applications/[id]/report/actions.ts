'use server';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { findApplication } from '@/lib/applications/find-application';
import { requireActor } from '@/lib/auth/guards';
import { localeArgument } from '@/lib/forms/action-arguments';
import { db } from '@/lib/db/client';
import { formValues, toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { orUnavailable, unavailable } from '@/lib/forms/unavailable';

const report = z.object({
  description: z.string().trim().min(1, 'errors.report.description').max(4000, 'errors.report.tooLong'),
  amount: z
    .string()
    .trim()
    .transform((v) => v.replace(/[,\s៛]/g, ''))
    .pipe(z.union([z.literal(''), z.string().regex(/^\d{1,9}$/, 'errors.report.amount')]))
    .transform((v) => (v ? Number(v) : null)),
});

/** "Someone asked me for extra money": to the auditors, never to the department holding the file. */
export async function reportExtraPayment(locale: string, id: string, _: FormState, data: FormData): Promise<FormState> {
  localeArgument(locale);
  const t = await actionTranslator(locale);
  const parsed = report.safeParse({ description: data.get('description') ?? '', amount: data.get('amount') ?? '' });
  if (!parsed.success) return { fieldErrors: t.fields(toFieldErrors(parsed.error)), values: formValues(data) };
  const result = await orUnavailable(async () => {
    const actor = await requireActor(locale, `/applications/${id}/report`);
    const application = await findApplication(actor, id, 'application.report');
    if (!application) notFound();
    await db.extraPaymentReport.create({
      data: { applicationId: id, reporterId: actor.id, description: parsed.data.description, amountRiel: parsed.data.amount },
    });
  });
  if (result === unavailable) return { formError: t.text('errors.report.unavailable'), values: formValues(data) };
  redirect(`/${locale}/applications/${id}?reported=1`);
}
