'use server';
import { notFound, redirect } from 'next/navigation';
import { requireArea } from '@/lib/auth/guards';
import { localeArgument, uuidArgument } from '@/lib/forms/action-arguments';
import { orUnavailable, unavailable } from '@/lib/forms/unavailable';
import { claimNext, StepRefusedError } from '@/lib/workflow/machine';

/** "Take the next file": opens the file claimed, or comes back to the queue saying none waits. */
export async function claimNextAction(locale: string, departmentCode: string, departmentId: string): Promise<void> {
  localeArgument(locale);
  uuidArgument(departmentId);
  const claimed = await orUnavailable(async () => {
    const actor = await requireArea(locale, 'backoffice.enter', '/staff');
    try {
      return await claimNext(actor, departmentId);
    } catch (error) {
      if (error instanceof StepRefusedError) notFound();
      throw error;
    }
  });
  if (claimed === unavailable) redirect(`/${locale}/staff?department=${encodeURIComponent(departmentCode)}&claim=unavailable`);
  if (!claimed) redirect(`/${locale}/staff?department=${encodeURIComponent(departmentCode)}&claim=none`);
  redirect(`/${locale}/staff/applications/${claimed}?done=claim`);
}
