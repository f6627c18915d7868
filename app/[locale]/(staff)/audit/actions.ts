'use server';
import { revalidatePath } from 'next/cache';
import { notFound } from 'next/navigation';
import { requireArea } from '@/lib/auth/guards';
import { localeArgument, uuidArgument } from '@/lib/forms/action-arguments';
import { db } from '@/lib/db/client';

/** An auditor closes a report of a request for extra money once it has been looked into. */
export async function markReportHandled(locale: string, reportId: string): Promise<void> {
  localeArgument(locale);
  uuidArgument(reportId);
  const actor = await requireArea(locale, 'audit.enter', '/audit');
  const updated = await db.extraPaymentReport.updateMany({ where: { id: reportId, handledAt: null }, data: { handledAt: new Date(), handledById: actor.id } });
  if (updated.count === 0 && !(await db.extraPaymentReport.findUnique({ where: { id: reportId }, select: { id: true } }))) notFound();
  revalidatePath(`/${locale}/audit`);
}
