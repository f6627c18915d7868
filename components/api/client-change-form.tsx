'use client';
import { useActionState, useEffect, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ApiClientFormState } from '@/lib/api/manage-clients-actions';
import { IssuedSecret, type IssuedSecretLabels } from './issued-secret';

export interface ClientChangeLabels {
  title: string;
  lead: string;
  submit: string;
  confirmTitle: string;
  confirm: string;
  confirmSubmit: string;
  cancel: string;
}

/**
 * Rotate or revoke: a button, then a second step that says what it will do and takes it only when
 * the person says yes (the server action answers `confirming` first). Rotating answers the new
 * secret, once. `hidden` carries what the page saw (the secret's version), so a reload that posts
 * again changes nothing more. Cancelling reloads the client's page.
 */
export function ClientChangeForm({ id, action, labels, issuedLabels, hidden = {}, cancelHref }: {
  id: string;
  action: (state: ApiClientFormState, data: FormData) => Promise<ApiClientFormState>;
  labels: ClientChangeLabels;
  issuedLabels?: IssuedSecretLabels;
  hidden?: Record<string, string>;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => confirmRef.current?.focus(), [state.confirming]);
  if (state.issued && issuedLabels) return <IssuedSecret issued={state.issued} labels={issuedLabels} />;
  const fields = Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
  return (
    <section aria-labelledby={`${id}-title`} className={`mb-6 p-4 ${state.confirming ? 'border-4 border-slate-800' : 'border-2 border-slate-300'}`}>
      <h2 id={`${id}-title`} className="mb-2 text-xl font-bold">{labels.title}</h2>
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      {state.confirming ? (
        <>
          <div ref={confirmRef} tabIndex={-1} autoFocus aria-labelledby={`${id}-confirm-title`} className="mb-4 focus:outline-none focus-visible:ring-4 focus-visible:ring-focus">
            <h3 id={`${id}-confirm-title`} className="mb-2 text-lg font-bold">{labels.confirmTitle}</h3>
            <p>{labels.confirm}</p>
          </div>
          <form action={formAction} className="flex flex-wrap items-center gap-4">
            {fields}
            <input type="hidden" name="confirmed" value="yes" />
            <Button disabled={pending} variant="warning">{labels.confirmSubmit}</Button>
            <a href={cancelHref} className="font-bold">{labels.cancel}</a>
          </form>
        </>
      ) : (
        <>
          <p className="mb-4">{labels.lead}</p>
          <form action={formAction}>
            {fields}
            <Button disabled={pending} variant="secondary">{labels.submit}</Button>
          </form>
        </>
      )}
    </section>
  );
}
