import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/ui/action-form';
import { requireArea } from '@/lib/auth/guards';
import { findHoliday, holidayDay } from '@/lib/deadlines/holiday-changes';
import { formatDay } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { removeHolidayAction, renameHolidayAction } from '../actions';

type Props = { params: Promise<{ locale: Locale; day: string }> };

export const generateMetadata = pageTitle('holidaysAdmin');

export default async function HolidayPage({ params }: Props) {
  const { locale, day } = await params;
  setRequestLocale(locale);
  await requireArea(locale, 'admin.holidays', `/admin/holidays/${day}`);
  const holiday = holidayDay.safeParse(day).success ? await findHoliday(day) : null;
  if (!holiday) notFound();
  const [t, tErrors, tApp] = await Promise.all([getTranslations('holidaysAdmin'), getTranslations('errors'), getTranslations('application')]);
  const labels = { summaryTitle: tErrors('summaryTitle'), errorPrefix: tErrors('errorPrefix'), select: tApp('select') };
  return (
    <>
      <p className="mb-4"><Link href={`/admin/holidays?year=${day.slice(0, 4)}`}>← {t('back')}</Link></p>
      <h1 className="mb-2 text-3xl font-bold">{t('dayTitle')}</h1>
      <p className="mb-6 text-xl">{formatDay(day, locale)}: {locale === 'km' ? holiday.nameKm : holiday.nameEn}</p>
      <ActionForm
        id="rename-holiday"
        action={renameHolidayAction.bind(null, locale, day)}
        title={t('renameTitle')}
        fields={[
          { kind: 'text', name: 'nameKm', label: t('nameKm') },
          { kind: 'text', name: 'nameEn', label: t('nameEn') },
        ]}
        initial={{ nameKm: holiday.nameKm, nameEn: holiday.nameEn }}
        submit={t('rename')}
        labels={labels}
      />
      <ActionForm
        id="remove-holiday"
        action={removeHolidayAction.bind(null, locale, day)}
        title={t('removeTitle')}
        lead={t('removeLead')}
        fields={[]}
        submit={t('remove')}
        danger
        labels={labels}
      />
    </>
  );
}
