import type { ReactNode } from 'react';

export type TagTone = 'grey' | 'blue' | 'green' | 'red' | 'amber';

const tones: Record<TagTone, string> = {
  grey: 'bg-slate-200 text-slate-900',
  blue: 'bg-brand-50 text-brand-900',
  green: 'bg-green-100 text-green-900',
  red: 'bg-red-100 text-red-900',
  amber: 'bg-amber-100 text-amber-900',
};

/** A short status label. The colour only repeats what the words say. */
export function StatusTag({ tone = 'grey', children }: { tone?: TagTone; children: ReactNode }) {
  return <strong className={`inline-block rounded px-2 py-0.5 text-sm font-bold ${tones[tone]}`}>{children}</strong>;
}
