import type { ReactNode } from 'react';
import { splitAtNumbers } from '@/lib/numbering/reference-text';

/**
 * A reference, licence or receipt number (VR-2026-000123) kept on one line: a browser may break
 * a line after any hyphen, and a number split in two is misread and mistyped.
 */
export function Reference({ children }: { children: ReactNode }) {
  return <span className="whitespace-nowrap">{children}</span>;
}

/** A translated sentence, heading or hint: the ministry's numbers in it stay whole, the words wrap. */
export function WithReferences({ text }: { text: string }) {
  const parts = splitAtNumbers(text);
  if (parts.length === 1) return text;
  return parts.map((part, i) => (i % 2 ? <Reference key={i}>{part}</Reference> : part));
}
