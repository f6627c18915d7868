import { getTranslations } from 'next-intl/server';
import { changesSince } from '@/lib/applications/move-draft';
import type { Locale } from '@/lib/i18n/routing';

/** What changed in the service since the version a draft moved from (the `changedSince` of the address). */
export async function DraftMovedNotice({ serviceId, changedSince, locale }: { serviceId: string; changedSince: string | undefined; locale: Locale }) {
  const since = Number(changedSince);
  if (!Number.isInteger(since) || since < 1) return null;
  const [t, changes] = await Promise.all([getTranslations('changelog'), changesSince(serviceId, since)]);
  if (!changes.length) return null;
  return (
    <div role="status" className="mb-6 border-l-4 border-blue-700 bg-blue-50 p-4">
      <p className="font-semibold">{t('draftMoved')}</p>
      <ul className="mt-2 list-disc pl-6">
        {changes.map((change, i) => <li key={i}>{change[locale]}</li>)}
      </ul>
    </div>
  );
}
