'use client';
// The designer's controls: each is registered with the form by its path, which is also its id,
// so a problem's path leads to the control (error summary links, aria-describedby, focus).
import { createContext, useContext, type ReactNode } from 'react';
import { get, useFormContext, type FieldPath } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { describedBy, ErrorMessage, Hint } from '@/components/ui/field';
import type en from '@/lib/i18n/messages/en.json';
import type { DesignerValues } from '@/lib/services/designer-form';

export type DesignerTexts = (typeof en)['designer'] & { errorPrefix: string };

export const TextsContext = createContext<DesignerTexts | null>(null);
export const useTexts = () => useContext(TextsContext)!;

/** `{name}` slots filled: the few labels that number their item. */
export const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));

type Path = FieldPath<DesignerValues>;

/** The message of the problem at `path`, if any. */
export function useProblem(path: string): string | undefined {
  const { formState } = useFormContext<DesignerValues>();
  const error = get(formState.errors, path) as { message?: string } | undefined;
  return error?.message || undefined;
}

const control = 'min-h-11 w-full rounded-none border-2 border-slate-800 bg-white px-3 py-2 text-base focus:outline-none';
const box = (error?: string, wrap = '') => `flex flex-col gap-1 ${wrap} ${error ? 'border-l-4 border-red-700 pl-3' : ''}`;

function Labelled({ path, label, hint, error, children }: { path: string; label: ReactNode; hint?: string; error?: string; children: ReactNode }) {
  const { errorPrefix } = useTexts();
  return (
    <div className={box(error, 'mb-4')}>
      <label htmlFor={path} className="font-bold">{label}</label>
      <Hint id={path}>{hint}</Hint>
      <ErrorMessage id={path} prefix={errorPrefix}>{error}</ErrorMessage>
      {children}
    </div>
  );
}

export function TextBox({ path, label, hint, number, className = '' }: { path: Path; label: ReactNode; hint?: string; number?: boolean; className?: string }) {
  const { register } = useFormContext<DesignerValues>();
  const error = useProblem(path);
  return (
    <Labelled path={path} label={label} hint={hint} error={error}>
      <input
        id={path}
        type={number ? 'number' : 'text'}
        inputMode={number ? 'numeric' : undefined}
        aria-describedby={describedBy(path, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`${control} ${error ? 'border-red-700' : ''} ${className}`}
        spellCheck={number ? false : undefined}
        {...register(path, number ? { valueAsNumber: true } : {})}
      />
    </Labelled>
  );
}

export function SelectBox({ path, label, options, hint }: { path: Path; label: ReactNode; options: { value: string; label: string }[]; hint?: string }) {
  const { register } = useFormContext<DesignerValues>();
  const error = useProblem(path);
  return (
    <Labelled path={path} label={label} hint={hint} error={error}>
      <select id={path} aria-describedby={describedBy(path, hint, error)} aria-invalid={error ? true : undefined} className={`${control} ${error ? 'border-red-700' : ''}`} {...register(path)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Labelled>
  );
}

export function CheckBox({ path, label, value }: { path: Path; label: ReactNode; value?: string }) {
  const { register } = useFormContext<DesignerValues>();
  const id = value ? `${path}-${value}` : path;
  return (
    <div className="mb-2 flex items-center gap-3">
      <input id={id} type="checkbox" value={value} className="size-7 shrink-0 accent-brand-700" {...register(path)} />
      <label htmlFor={id} className="py-1">{label}</label>
    </div>
  );
}

/** A text in both languages, side by side: the legend says what it is. */
export function Bilingual({ path, legend }: { path: Path; legend: string }) {
  const texts = useTexts();
  const error = useProblem(path);
  return (
    <fieldset id={path} aria-describedby={describedBy(path, undefined, error)} className={box(error, 'mb-2')}>
      <legend className="mb-1 font-bold">{legend}</legend>
      <ErrorMessage id={path} prefix={texts.errorPrefix}>{error}</ErrorMessage>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextBox path={`${path}.km` as Path} label={<><span className="sr-only">{legend} </span>{texts.khmer}</>} />
        <TextBox path={`${path}.en` as Path} label={<><span className="sr-only">{legend} </span>{texts.english}</>} />
      </div>
    </fieldset>
  );
}

/** A list's own problem ("add at least one"), where the list is. */
export function ListProblem({ path }: { path: string }) {
  const { errorPrefix } = useTexts();
  const own = useProblem(path);
  const root = useProblem(`${path}.root`);
  const error = own ?? root;
  return error ? <div id={path} tabIndex={-1}><ErrorMessage id={path} prefix={errorPrefix}>{error}</ErrorMessage></div> : null;
}

/** One item of a list: a fieldset titled by its number, with its "Remove". */
export function Item({ legend, remove, removeLabel, children }: { legend: string; remove?: () => void; removeLabel: string; children: ReactNode }) {
  return (
    <fieldset data-list-item className="mb-4 border-2 border-slate-300 p-4">
      <legend className="px-1 text-lg font-bold">{legend}</legend>
      {children}
      {remove ? <RemoveButton onRemove={remove}>{removeLabel}</RemoveButton> : null}
    </fieldset>
  );
}

const focusable = 'input, select, textarea, button';

/**
 * A list item's "Remove", inside the element marked data-list-item. The button goes with its
 * item, so focus moves to what takes the item's place (the next item's first control, or the
 * list's "Add" after it; else the item before) instead of falling to the page's start (WCAG 2.4.3).
 */
export function RemoveButton({ onRemove, className, children }: { onRemove: () => void; className?: string; children: ReactNode }) {
  const removeKeepingFocus = (button: HTMLElement) => {
    const item = button.closest('[data-list-item]');
    const neighbours = [item?.nextElementSibling, item?.previousElementSibling];
    onRemove();
    // After React has taken the item out (neighbours keep their elements: items are keyed).
    requestAnimationFrame(() => {
      const place = neighbours.find((element) => element?.isConnected);
      const control = place?.matches(focusable) ? place : place?.querySelector(focusable);
      if (control instanceof HTMLElement) control.focus();
    });
  };
  return (
    <Button type="button" variant="secondary" className={className} onClick={(event) => removeKeepingFocus(event.currentTarget)}>
      {children}
    </Button>
  );
}

export function AddButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return <Button type="button" variant="secondary" className="mb-6" onClick={onClick}>{children}</Button>;
}
