// A licence or permit number as a person types it from paper: DLL-2026-000045. The same shape
// as lib/numbering formats (a service's prefix and L, the year, a sequence of six digits or more).

const shape = /^[A-Z]{2,5}-\d{4}-\d{6,9}$/;

export type LicenceNumberInput = { ok: true; number: string } | { ok: false; error: 'required' | 'format' };

/** The number in a /verify/<number> address; a stray "%" or a broken escape is kept as written. */
export function numberFromAddress(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Reads a typed number: spaces around it, lower case, and spaces or other dashes between its parts
 * (a phone keyboard's "–", a copy from a document) are forgiven; anything else is refused before
 * the database is asked.
 */
export function readLicenceNumber(typed: string): LicenceNumberInput {
  const trimmed = typed.trim();
  if (!trimmed) return { ok: false, error: 'required' };
  const number = trimmed.toUpperCase().replace(/\s*[\s\u2010-\u2015\u2212]\s*|\s*-\s*/gu, '-');
  return shape.test(number) ? { ok: true, number } : { ok: false, error: 'format' };
}
