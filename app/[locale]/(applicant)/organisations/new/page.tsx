import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ActionForm } from '@/components/ui/action-form';
import { requireArea } from '@/lib/auth/guards';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import type { Locale } from '@/lib/i18n/routing';
import { provinces } from '@/lib/services/provinces';
import { registerOrganisationAction } from './actions';

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = pageTitle('organisation');

export default async function RegisterOrganisationPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireArea(locale, 'organisation.register', '/organisations/new');
  const [t, tErrors, tApp] = await Promise.all([getTranslations('organisation'), getTranslations('errors'), getTranslations('application')]);
  return (
    <>
      <p className="mb-4"><Link href="/account">← {tApp('back')}</Link></p>
      <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-8 max-w-2xl">{t('lead')}</p>
      <ActionForm
        id="organisation"
        action={registerOrganisationAction.bind(null, locale)}
        title={t('formTitle')}
        fields={[
          { kind: 'text', name: 'nameKm', label: t('nameKm'), hint: t('nameKmHint') },
          { kind: 'text', name: 'nameEn', label: t('nameEn'), hint: t('nameEnHint') },
          { kind: 'text', name: 'registrationNumber', label: t('registrationNumber'), hint: t('registrationNumberHint') },
          { kind: 'text', name: 'taxId', label: t('taxId'), hint: t('taxIdHint') },
          { kind: 'select', name: 'province', label: t('province'), options: provinces.map((p) => ({ value: p.code, label: p[locale] })) },
          { kind: 'text', name: 'line', label: t('line'), hint: t('lineHint') },
        ]}
        submit={t('submit')}
        labels={{ summaryTitle: tErrors('summaryTitle'), errorPrefix: tErrors('errorPrefix'), select: tApp('select') }}
      />
    </>
  );
}
