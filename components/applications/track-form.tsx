'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { TextInput } from '@/components/ui/inputs';
import { WithReferences } from '@/components/ui/reference';
import { SummaryList } from '@/components/ui/summary-list';
import type { TrackState } from '@/app/[locale]/(public)/track/actions';

interface Labels {
  summaryTitle: string;
  errorPrefix: string;
  reference: string;
  referenceHint: string;
  code: string;
  codeHint: string;
  submit: string;
}

export function TrackForm({ action, labels }: { action: (state: TrackState, data: FormData) => Promise<TrackState>; labels: Labels }) {
  const [state, formAction, pending] = useActionState(action, {});
  const error = (name: string) => state.fieldErrors?.[name];
  const errors = ['reference', 'code'].filter((f) => state.fieldErrors?.[f]).map((f) => ({ href: f, message: error(f)! }));
  return (
    <>
      <div role="status">
      {state.result ? (
        <section aria-labelledby="track-result" className="mb-8 border-l-8 border-brand-700 bg-brand-50 p-4">
          <h2 id="track-result" className="mb-3 text-2xl font-bold"><WithReferences text={state.result.heading} /></h2>
          <SummaryList rows={state.result.rows} />
        </section>
      ) : null}
      </div>
      <form action={formAction} noValidate className="max-w-xl">
        <ErrorSummary title={labels.summaryTitle} errors={errors} />
        {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
        <Field id="reference" label={labels.reference} hint={labels.referenceHint} error={error('reference')} errorPrefix={labels.errorPrefix}>
          <TextInput id="reference" hint={labels.referenceHint} error={error('reference')} defaultValue={state.values?.reference} autoComplete="off" spellCheck={false} className="max-w-72 uppercase" />
        </Field>
        <Field id="code" label={labels.code} hint={labels.codeHint} error={error('code')} errorPrefix={labels.errorPrefix}>
          <TextInput id="code" hint={labels.codeHint} error={error('code')} defaultValue={state.values?.code} autoComplete="off" spellCheck={false} className="max-w-60 uppercase" />
        </Field>
        <Button disabled={pending}>{labels.submit}</Button>
      </form>
    </>
  );
}
