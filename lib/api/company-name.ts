import { db } from '@/lib/db/client';
import type { Locale } from '@/lib/i18n/routing';

/** A company's name in the page's language, or null when there is no such company. */
export async function companyName(organisationId: string, locale: Locale): Promise<string | null> {
  const organisation = await db.organisation.findUnique({ where: { id: organisationId }, select: { nameKm: true, nameEn: true } });
  return organisation ? (locale === 'km' ? organisation.nameKm : organisation.nameEn) : null;
}
