import type { ReactNode } from 'react';

type Tone = 'info' | 'success' | 'warning' | 'error';

const tones: Record<Tone, string> = {
  info: 'border-brand-700 bg-brand-50',
  success: 'border-green-700 bg-green-50',
  warning: 'border-amber-600 bg-amber-50',
  error: 'border-red-700 bg-red-50',
};

/** A message about the page as a whole. Success and errors are announced when they appear. */
export function Alert({ tone = 'info', title, children }: { tone?: Tone; title?: ReactNode; children?: ReactNode }) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`mb-6 border-l-8 p-4 ${tones[tone]}`}>
      {title ? <p className="text-lg font-bold">{title}</p> : null}
      {children ? <div>{children}</div> : null}
    </div>
  );
}
