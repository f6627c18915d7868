'use server';
import { redirect } from 'next/navigation';
import { endSession } from '@/lib/auth/session';
import { isLocale, routing } from '@/lib/i18n/routing';

export async function signOut(locale: string): Promise<void> {
  await endSession();
  redirect(`/${isLocale(locale) ? locale : routing.defaultLocale}/sign-in?signedOut=1`);
}
