// Kept apart from the zod schemas so that a page can show and hide questions without loading them.
type Conditional = { showIf?: { field: string; equals: string | string[] } };

/** Whether a question (or a document) is asked, given the answers so far. */
export function isShown(item: Conditional, answers: Record<string, unknown>): boolean {
  if (!item.showIf) return true;
  const value = answers[item.showIf.field];
  const wanted = Array.isArray(item.showIf.equals) ? item.showIf.equals : [item.showIf.equals];
  return typeof value === 'string' && wanted.includes(value);
}
