// A date question is asked as three boxes, day, month and year (GOV.UK's date input), never the
// browser's picker, whose order and words follow the browser, not the page. The stored answer is
// ISO 'YYYY-MM-DD'; the boxes as posted are parsed here, by the browser's check and the server's.

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const dateParts = ['day', 'month', 'year'] as const;
export type DatePart = (typeof dateParts)[number];

// The boxes left empty, in the order they are shown: "must include a day and month".
type Missing = 'Day' | 'Month' | 'Year' | 'DayMonth' | 'DayYear' | 'MonthYear';

/** The ISO date, or what is wrong with it as the message key's last word. */
export type DateResult = { ok: true; value: string | undefined } | { ok: false; error: 'required' | 'date' | 'dateYearDigits' | `date${Missing}` };

const capitalized = { day: 'Day', month: 'Month', year: 'Year' } as const;

/** The ISO date of three numbers, when they name a day that exists (no 31 February). */
export function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses a stored ISO date or the three posted boxes. */
export function parseDate(value: unknown, required: boolean): DateResult {
  if (typeof value === 'string') {
    const iso = value.trim();
    if (!iso) return required ? { ok: false, error: 'required' } : { ok: true, value: undefined };
    const match = iso.match(/^(\d{4})-(\d{2})-(\d{2})$/);
    const valid = match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
    return valid ? { ok: true, value: valid } : { ok: false, error: 'date' };
  }
  const posted = (typeof value === 'object' && value ? value : {}) as Record<string, unknown>;
  // People type "02", " 2 " or "2." alike, and a Khmer keyboard types Khmer digits (០-៩).
  const clean = (v: unknown) =>
    typeof v === 'string' ? v.replace(/[\s.]/g, '').replace(/[\u17e0-\u17e9]/g, (d) => String(d.charCodeAt(0) - 0x17e0)) : '';
  const parts: DateParts = { day: clean(posted.day), month: clean(posted.month), year: clean(posted.year) };
  const missing = dateParts.filter((p) => !parts[p]);
  if (missing.length === 3) return required ? { ok: false, error: 'required' } : { ok: true, value: undefined };
  if (missing.length > 0) return { ok: false, error: `date${missing.map((p) => capitalized[p]).join('') as Missing}` };
  if (!dateParts.every((p) => /^\d+$/.test(parts[p]))) return { ok: false, error: 'date' };
  if (parts.year.length !== 4) return { ok: false, error: 'dateYearDigits' };
  const iso = isoDate(Number(parts.year), Number(parts.month), Number(parts.day));
  return iso ? { ok: true, value: iso } : { ok: false, error: 'date' };
}

/** The boxes to show for a saved ISO answer or for boxes posted back with an error. */
export function datePartsOf(value: unknown): DateParts {
  if (typeof value === 'string') {
    const match = value.match(/^(\d{4})-(\d{2})-(\d{2})$/);
    return match ? { year: match[1]!, month: String(Number(match[2])), day: String(Number(match[3])) } : { day: '', month: '', year: '' };
  }
  const posted = (typeof value === 'object' && value ? value : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return { day: text(posted.day), month: text(posted.month), year: text(posted.year) };
}

/** Which boxes a message is about, so that only those are marked wrong. */
export function partsInError(error: string): DatePart[] {
  const word = error.split('.').at(-1) ?? '';
  if (word === 'dateYearDigits') return ['year'];
  const named = dateParts.filter((p) => word.startsWith('date') && word.includes(capitalized[p]));
  return named.length ? named : [...dateParts];
}
