import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { visibleFields, type Answers } from '@/lib/services/answers';
import type { ServiceDefinition } from '@/lib/services/definition';
import { displayAnswer } from '@/lib/services/display-answer';

/** Every answer under its page's title; with change links on the check page. */
export function AnswerList({
  definition, answers, locale, change, notAnswered,
}: {
  definition: ServiceDefinition;
  answers: Answers;
  locale: Locale;
  change?: { label: (item: string) => string; href: (pageKey: string) => string; text: string };
  notAnswered: string;
}) {
  return (
    <>
      {definition.pages.map((page) => (
        <section key={page.key} aria-labelledby={`answers-${page.key}`} className="mb-6">
          <h3 id={`answers-${page.key}`} className="mb-2 text-xl font-bold">{page.title[locale]}</h3>
          <dl className="divide-y divide-slate-300 border-y border-slate-300">
            {visibleFields(page, answers).map((field) => (
              <div key={field.key} className="grid gap-1 py-3 sm:grid-cols-[2fr_3fr_auto] sm:gap-4">
                <dt className="font-bold">{field.label[locale]}</dt>
                <dd className="break-words">{displayAnswer(field, answers[field.key], locale) ?? notAnswered}</dd>
                {change ? (
                  <dd>
                    <Link href={change.href(page.key)} aria-label={change.label(field.label[locale])}>{change.text}</Link>
                  </dd>
                ) : null}
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
