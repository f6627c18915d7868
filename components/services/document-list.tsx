import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { ServiceDefinition } from '@/lib/services/definition';

/** The documents a service asks for, as its page lists them: which only in some cases, which optional. */
export async function DocumentList({ documents, locale }: { documents: ServiceDefinition['documents']; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'service' });
  return (
    <ul className="list-disc pl-6">
      {documents.map((doc) => (
        <li key={doc.key}>
          {doc.label[locale]}
          {doc.showIf ? <span className="text-slate-600"> ({t('documentWhen')})</span> : null}
          {!doc.required ? <span className="text-slate-600"> ({t('documentOptional')})</span> : null}
        </li>
      ))}
    </ul>
  );
}
