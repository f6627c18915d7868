'use client';
import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { FormState } from '@/lib/forms/form-state';

/** Sends an application back after a request for information; the version guards a stale page. */
export function ResubmitForm({ action, version, label }: { action: (state: FormState, data: FormData) => Promise<FormState>; version: number; label: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction}>
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <input type="hidden" name="version" value={version} />
      <Button disabled={pending}>{label}</Button>
    </form>
  );
}
