'use client';
// The service designer: a staff-only form (it loads only on admin pages). The same checked schema
// as seeded and imported definitions checks it in the browser, and the server's save again; each
// problem shows beside its field and in the summary, in the administrator's language.
import '@/lib/validation/zod-without-eval';
import { useMemo, useState } from 'react';
import { FormProvider, useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { toNestErrors } from '@hookform/resolvers';
import { Button } from '@/components/ui/button';
import { ErrorSummary, type SummaryError } from '@/components/ui/error-summary';
import { checkedServiceDefinition } from '@/lib/services/definition';
import { formPath, problemMessage, toDefinitionInput, type DesignerValues, type Problem, type ProblemTexts } from '@/lib/services/designer-form';
import { Bilingual, CheckBox, ListProblem, SelectBox, TextBox, TextsContext, type DesignerTexts } from './controls';
import { ConditionsEditor, DocumentsEditor, FeeRulesEditor, PrintedAnswersEditor, StagesEditor } from './lists-editor';
import { PagesEditor } from './pages-editor';

export type SaveDraft = (input: unknown) => Promise<{ problems: Problem[] }>;

/** Every problem in react-hook-form's nested errors, as summary links to its control (the path is the id). */
function summaryOf(errors: FieldErrors, prefix = ''): SummaryError[] {
  return Object.entries(errors).flatMap(([key, value]) => {
    if (!value || typeof value !== 'object' || key === 'ref') return [];
    const path = key === 'root' ? prefix.slice(0, -1) : `${prefix}${key}`;
    const own = typeof value.message === 'string' && value.message ? [{ href: path, message: value.message }] : [];
    return [...own, ...summaryOf(value as FieldErrors, `${path}.`)];
  });
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id} className="mb-4 text-2xl font-bold">{title}</h2>
      {children}
    </section>
  );
}

export function DesignerForm({ initial, isNew, departments, texts, problemTexts, summaryTitle, save }: {
  initial: DesignerValues;
  isNew: boolean;
  departments: { value: string; label: string }[];
  texts: DesignerTexts;
  problemTexts: ProblemTexts;
  summaryTitle: string;
  save: SaveDraft;
}) {
  const schema = useMemo(() => checkedServiceDefinition(departments.map((d) => d.value)), [departments]);
  const resolver: Resolver<DesignerValues> = async (values, _, options) => {
    const result = schema.safeParse(toDefinitionInput(values));
    if (result.success) return { values, errors: {} };
    const flat: Record<string, { type: string; message: string }> = {};
    for (const issue of result.error.issues) flat[formPath(issue, values)] ??= { type: issue.code, message: problemMessage(issue, problemTexts) };
    return { values: {}, errors: toNestErrors(flat, options) };
  };
  const form = useForm<DesignerValues>({ defaultValues: initial, resolver, mode: 'onSubmit', reValidateMode: 'onBlur' });
  const [summary, setSummary] = useState<SummaryError[]>([]);

  const submit = form.handleSubmit(
    async (values) => {
      setSummary([]);
      // On success the server action redirects; it answers only with problems.
      const answer = await save(toDefinitionInput(values));
      for (const problem of answer?.problems ?? []) {
        form.setError(formPath(problem, values) as 'code', { type: 'server', message: problemMessage(problem, problemTexts) });
      }
      setSummary(summaryOf(form.formState.errors));
    },
    (errors) => setSummary(summaryOf(errors)),
  );

  const t = texts;
  return (
    <TextsContext value={texts}>
      <FormProvider {...form}>
        <form onSubmit={submit} noValidate className="max-w-4xl">
          <ErrorSummary title={summaryTitle} errors={summary} />
          <Section id="designer-about" title={t.about}>
            {isNew ? <TextBox path="code" label={t.code} hint={t.codeHint} className="max-w-96" /> : null}
            <TextBox path="referencePrefix" label={t.referencePrefix} hint={t.referencePrefixHint} className="max-w-32" />
            <SelectBox path="department" label={t.department} options={departments} />
            <Bilingual path="name" legend={t.name} />
            <Bilingual path="summary" legend={t.summary} />
            <Bilingual path="whoCanApply" legend={t.whoCanApply} />
            <fieldset className="mb-4">
              <legend className="mb-1 font-bold">{t.applicants}</legend>
              <ListProblem path="applicants" />
              <CheckBox path="applicants" value="person" label={t.person} />
              <CheckBox path="applicants" value="company" label={t.company} />
            </fieldset>
            <Bilingual path="legalBasis" legend={t.legalBasis} />
          </Section>
          <PagesEditor />
          <Section id="designer-documents" title={t.documents}>
            <DocumentsEditor />
          </Section>
          <Section id="designer-fee" title={t.fee}>
            <TextBox path="feeRiel" label={t.feeRiel} number className="max-w-60" />
            <FeeRulesEditor />
            <SelectBox path="refundIfRefused" label={t.refundIfRefused} options={(['full', 'all-but-base', 'none'] as const).map((v) => ({ value: v, label: t.refunds[v] }))} />
          </Section>
          <Section id="designer-stages" title={t.stages}>
            <StagesEditor departments={departments} />
            <TextBox path="deadlineWorkingDays" label={t.deadlineWorkingDays} hint={t.deadlineHint} number className="max-w-60" />
          </Section>
          <Section id="designer-issuing" title={t.issuing}>
            <Bilingual path="issues" legend={t.issues} />
            <TextBox path="validityMonths" label={t.validityMonths} number className="max-w-60" />
            <ConditionsEditor />
            <PrintedAnswersEditor />
          </Section>
          <Button disabled={form.formState.isSubmitting}>{t.save}</Button>
        </form>
      </FormProvider>
    </TextsContext>
  );
}
