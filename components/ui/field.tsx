import type { ReactNode } from 'react';
import { WithReferences } from './reference';

// Works in server and client components alike: every word arrives as a prop, so no translation
// runtime is shipped to the browser.

/** The ids a control needs so that its hint and error are read with it. */
export function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

export function Hint({ id, children }: { id: string; children?: ReactNode }) {
  // Hints give examples ("for example VR-2026-000123"): the example stays whole on a phone.
  return children ? <p id={`${id}-hint`} className="text-slate-600">{typeof children === 'string' ? <WithReferences text={children} /> : children}</p> : null;
}

/** `prefix` is the visually hidden "Error:" that tells a screen reader what follows. */
export function ErrorMessage({ id, prefix, children }: { id: string; prefix: string; children?: string }) {
  if (!children) return null;
  return (
    <p id={`${id}-error`} className="font-bold text-red-700">
      <span className="sr-only">{prefix} </span>
      {children}
    </p>
  );
}

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  errorPrefix: string;
  children: ReactNode;
}

/** A label, a hint and an error around one control; a red bar marks the field in error. */
export function Field({ id, label, hint, error, errorPrefix, children }: FieldProps) {
  return (
    <div className={`mb-6 flex flex-col gap-1 ${error ? 'border-l-4 border-red-700 pl-3' : ''}`}>
      <label htmlFor={id} className="text-lg font-bold">{label}</label>
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} prefix={errorPrefix}>{error}</ErrorMessage>
      {children}
    </div>
  );
}

interface FieldsetProps extends Omit<FieldProps, 'label'> {
  legend: ReactNode;
}

/** For radios, checkboxes and addresses: the question is the legend of a fieldset. */
export function Fieldset({ id, legend, hint, error, errorPrefix, children }: FieldsetProps) {
  return (
    <fieldset
      id={id}
      aria-describedby={describedBy(id, hint, error)}
      className={`mb-6 flex flex-col gap-1 ${error ? 'border-l-4 border-red-700 pl-3' : ''}`}
    >
      <legend className="mb-1 text-lg font-bold">{legend}</legend>
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} prefix={errorPrefix}>{error}</ErrorMessage>
      {children}
    </fieldset>
  );
}
