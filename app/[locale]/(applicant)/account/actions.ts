'use server';
import { redirect } from 'next/navigation';
import { requireArea } from '@/lib/auth/guards';
import { startNationalIdFlow } from '@/lib/auth/national-id';
import { isLocale, routing } from '@/lib/i18n/routing';
import { log } from '@/lib/operations/log';

/** A signed-in account links the national digital ID: its name, birth date and ID number become verified. */
export async function linkNationalIdAction(locale: string): Promise<void> {
  const lang = isLocale(locale) ? locale : routing.defaultLocale;
  const actor = await requireArea(lang, 'applicant.dashboard', '/account');
  let providerUrl: string;
  try {
    providerUrl = await startNationalIdFlow(lang, { kind: 'link', userId: actor.id });
  } catch (error) {
    log.warn({ err: error }, 'national ID: the provider could not be reached');
    redirect(`/${lang}/account?nationalId=unavailable`);
  }
  redirect(providerUrl);
}
