// Form controls. Each takes the id its Field or Fieldset was given, so that the label, hint
// and error are announced with it; none needs JavaScript.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { describedBy } from './field';

const control =
  'min-h-11 w-full rounded-none border-2 border-slate-800 bg-white px-3 py-2 text-base focus:outline-none';

type Described = { id: string; hint?: ReactNode; error?: string };

export function TextInput({
  id, hint, error, type = 'text', className = '', ...props
}: Described & InputHTMLAttributes<HTMLInputElement> & { type?: 'text' | 'email' | 'tel' | 'password' | 'number' | 'date' }) {
  return (
    <input
      id={id}
      name={props.name ?? id}
      type={type}
      inputMode={type === 'number' ? 'numeric' : undefined}
      aria-describedby={describedBy(id, hint, error)}
      aria-invalid={error ? true : undefined}
      className={`${control} ${error ? 'border-red-700' : ''} ${className}`}
      {...props}
    />
  );
}

export interface Option {
  value: string;
  label: ReactNode;
}

export function Select({
  id, hint, error, options, placeholder, ...props
}: Described & SelectHTMLAttributes<HTMLSelectElement> & { options: Option[]; placeholder?: string }) {
  return (
    <select
      id={id}
      name={props.name ?? id}
      aria-describedby={describedBy(id, hint, error)}
      aria-invalid={error ? true : undefined}
      className={`${control} ${error ? 'border-red-700' : ''}`}
      {...props}
    >
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value}>{o.label}</option>
      ))}
    </select>
  );
}

function Choices({ name, options, type, checked }: { name: string; options: Option[]; type: 'radio' | 'checkbox'; checked: (value: string) => boolean }) {
  return (
    <div className="flex flex-col gap-2">
      {options.map((o) => {
        const id = `${name}-${o.value}`;
        return (
          <div key={o.value} className="flex items-center gap-3">
            <input
              id={id}
              name={name}
              type={type}
              value={o.value}
              defaultChecked={checked(o.value)}
              className="size-7 shrink-0 accent-brand-700"
            />
            <label htmlFor={id} className="py-1">{o.label}</label>
          </div>
        );
      })}
    </div>
  );
}

/** Inside a Fieldset whose id is `name`. */
export function Radios({ name, options, value }: { name: string; options: Option[]; value?: string }) {
  return <Choices name={name} options={options} type="radio" checked={(v) => v === value} />;
}

/** Inside a Fieldset whose id is `name`. */
export function Checkboxes({ name, options, values = [] }: { name: string; options: Option[]; values?: string[] }) {
  return <Choices name={name} options={options} type="checkbox" checked={(v) => values.includes(v)} />;
}

export function TextArea({ id, hint, error, className = '', ...props }: Described & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <textarea
      id={id}
      name={props.name ?? id}
      rows={4}
      aria-describedby={describedBy(id, hint, error)}
      aria-invalid={error ? true : undefined}
      className={`${control} ${error ? 'border-red-700' : ''} ${className}`}
      {...props}
    />
  );
}
