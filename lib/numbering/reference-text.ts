// Where the numbers the ministry issues (lib/numbering: VR-2026-000123, DLL-2026-000045,
// RC-2026-000001) stand in a text, so that a page can keep each on one line.

const issuedNumber = /[A-Z]{2,5}-\d{4}-\d{6,}/g;

/** The text cut into its words and its numbers, in order; numbers at odd positions. */
export function splitAtNumbers(text: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const match of text.matchAll(issuedNumber)) {
    parts.push(text.slice(from, match.index), match[0]);
    from = match.index + match[0].length;
  }
  parts.push(text.slice(from));
  return parts;
}
