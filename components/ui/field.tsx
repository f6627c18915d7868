import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';

/** The ids a control needs so that its hint and error are read with it. */
export function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

export function Hint({ id, children }: { id: string; children?: ReactNode }) {
  return children ? <p id={`${id}-hint`} className="text-slate-600">{children}</p> : null;
}

export function ErrorMessage({ id, children }: { id: string; children?: string }) {
  const t = useTranslations('errors');
  if (!children) return null;
  return (
    <p id={`${id}-error`} className="font-bold text-red-700">
      <span className="sr-only">{t('errorPrefix')} </span>
      {children}
    </p>
  );
}

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  children: ReactNode;
}

/** A label, a hint and an error around one control; a red bar marks the field in error. */
export function Field({ id, label, hint, error, optional, children }: FieldProps) {
  const t = useTranslations('ui');
  return (
    <div className={`mb-6 flex flex-col gap-1 ${error ? 'border-l-4 border-red-700 pl-3' : ''}`}>
      <label htmlFor={id} className="text-lg font-bold">
        {label}
        {optional ? <span className="font-normal"> {t('optional')}</span> : null}
      </label>
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id}>{error}</ErrorMessage>
      {children}
    </div>
  );
}

interface FieldsetProps extends Omit<FieldProps, 'label'> {
  legend: ReactNode;
}

/** For radios and checkboxes: the question is the legend of a fieldset. */
export function Fieldset({ id, legend, hint, error, children }: FieldsetProps) {
  return (
    <fieldset
      id={id}
      aria-describedby={describedBy(id, hint, error)}
      className={`mb-6 flex flex-col gap-1 ${error ? 'border-l-4 border-red-700 pl-3' : ''}`}
    >
      <legend className="mb-1 text-lg font-bold">{legend}</legend>
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id}>{error}</ErrorMessage>
      {children}
    </fieldset>
  );
}
