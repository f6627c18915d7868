import { getMessages, getTranslations } from 'next-intl/server';
import type en from '@/lib/i18n/messages/en.json';
import type { Locale } from '@/lib/i18n/routing';
import { designerDepartments } from '@/lib/services/designer';
import type { DesignerValues } from '@/lib/services/designer-form';
import { saveServiceDraft } from '@/app/[locale]/(staff)/admin/services/[code]/edit/actions';
import { DesignerForm } from './designer-form';

type Messages = typeof en;

/** The designer's form with every word it needs, for a new service (`editing` null) or a draft. */
export async function DesignerPage({ locale, initial, editing }: { locale: Locale; initial: DesignerValues; editing: string | null }) {
  const [messages, tErrors, departments] = await Promise.all([getMessages({ locale }) as Promise<Messages>, getTranslations('errors'), designerDepartments()]);
  const { designer, definitionProblems } = messages;
  return (
    <DesignerForm
      initial={initial}
      isNew={editing === null}
      departments={departments.map((d) => ({ value: d.code, label: locale === 'km' ? d.nameKm : d.nameEn }))}
      texts={{ ...designer, errorPrefix: tErrors('errorPrefix') }}
      problemTexts={{ ...designer.problems, definitionProblems }}
      summaryTitle={tErrors('summaryTitle')}
      save={saveServiceDraft.bind(null, locale, editing)}
    />
  );
}
