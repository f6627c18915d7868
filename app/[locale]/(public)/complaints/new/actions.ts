'use server';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { requireActor } from '@/lib/auth/guards';
import { complaintKinds } from '@/lib/complaints/complaint';
import { fileComplaint } from '@/lib/complaints/file-complaint';
import { db } from '@/lib/db/client';
import { localeArgument, uuidArgument } from '@/lib/forms/action-arguments';
import { formValues, toFieldErrors, type FormState } from '@/lib/forms/form-state';
import { actionTranslator } from '@/lib/forms/translate';
import { orUnavailable, unavailable } from '@/lib/forms/unavailable';
import { inspectorateCode } from '@/lib/services/departments';

const complaintInput = z.object({
  kind: z.enum(complaintKinds, { error: 'complaints.errors.kind' }),
  department: z.string().trim().max(100, 'complaints.errors.department'),
  for: z.union([z.literal(''), z.uuid('complaints.errors.for')]),
  description: z.string().trim().min(1, 'complaints.errors.description').max(4000, 'complaints.errors.tooLong'),
  amount: z
    .string()
    .trim()
    .transform((v) => v.replace(/[,\s៛]/g, ''))
    .pipe(z.union([z.literal(''), z.string().regex(/^\d{1,9}$/, 'complaints.errors.amount')]))
    .transform((v) => (v ? Number(v) : null)),
});

/**
 * Files a complaint to the General Inspectorate, about one of the actor's applications (bound
 * as `applicationId`) or about a department named in the form (`applicationId` empty). Replayed
 * with someone else's application, it answers "Page not found" and files nothing.
 */
export async function fileComplaintAction(locale: string, applicationId: string, _: FormState, data: FormData): Promise<FormState> {
  localeArgument(locale);
  if (applicationId !== '') uuidArgument(applicationId);
  const t = await actionTranslator(locale);
  const parsed = complaintInput.safeParse({
    kind: data.get('kind') ?? undefined,
    department: data.get('department') ?? '',
    for: data.get('for') ?? '',
    description: data.get('description') ?? '',
    amount: data.get('amount') ?? '',
  });
  if (!parsed.success) return { fieldErrors: t.fields(toFieldErrors(parsed.error)), values: formValues(data) };
  const { kind, department, description, amount, for: organisationId } = parsed.data;
  const result = await orUnavailable(async () => {
    const actor = await requireActor(locale, `/complaints/new${applicationId ? `?application=${applicationId}` : ''}`);
    let departmentId: string | null = null;
    if (!applicationId && department) {
      const named = await db.department.findUnique({ where: { code: department }, select: { id: true, code: true } });
      if (!named || named.code === inspectorateCode) return 'badDepartment' as const;
      departmentId = named.id;
    }
    const filed = await fileComplaint(actor, { kind, description, amountRiel: amount, applicationId: applicationId || null, departmentId, organisationId: applicationId ? null : organisationId || null, locale: localeArgument(locale) });
    if (!filed) notFound();
    return filed;
  });
  if (result === unavailable) return { formError: t.text('complaints.errors.unavailable'), values: formValues(data) };
  if (result === 'badDepartment') return { fieldErrors: { department: t.text('complaints.errors.department') }, values: formValues(data) };
  redirect(`/${locale}/account/complaints/${result.id}?filed=1`);
}
