import type { ReactNode } from 'react';

/**
 * A reference, licence or receipt number (VR-2026-000123) kept on one line: a browser may break
 * a line after any hyphen, and a number split in two is misread and mistyped.
 */
export function Reference({ children }: { children: ReactNode }) {
  return <span className="whitespace-nowrap">{children}</span>;
}

/** A translated sentence or heading holding a reference: the reference stays whole, the words wrap. */
export function WithReference({ text, reference }: { text: string; reference: string | null }) {
  const at = reference ? text.indexOf(reference) : -1;
  if (!reference || at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <Reference>{reference}</Reference>
      {text.slice(at + reference.length)}
    </>
  );
}
