import type { ButtonHTMLAttributes, ComponentProps } from 'react';
import { Link } from '@/lib/i18n/navigation';

type Variant = 'primary' | 'secondary' | 'warning';

const variants: Record<Variant, string> = {
  primary: 'bg-brand-700 text-white hover:bg-brand-900 shadow-[0_2px_0_var(--color-brand-900)]',
  secondary: 'bg-slate-100 text-slate-900 hover:bg-slate-200 shadow-[0_2px_0_var(--color-slate-400)]',
  warning: 'bg-red-700 text-white hover:bg-red-800 shadow-[0_2px_0_var(--color-red-900)]',
};

const base =
  'inline-flex min-h-11 items-center justify-center rounded px-5 py-2 text-base font-bold no-underline focus-visible:outline-none';

export function buttonClass(variant: Variant = 'primary'): string {
  return `${base} ${variants[variant]}`;
}

export function Button({ variant = 'primary', className = '', type = 'submit', ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={`${buttonClass(variant)} ${className}`} {...props} />;
}

/** A link that looks like a button: for "Start now" and other navigation. */
export function ButtonLink({ variant = 'primary', className = '', ...props }: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={`${buttonClass(variant)} ${className}`} {...props} />;
}
