import 'server-only';
import { notFound } from 'next/navigation';
import { isLocale, type Locale } from '@/lib/i18n/routing';

// A server action's bound arguments come back from the browser as it posts them: anyone can
// replay an action with other values. Each one looked up by key or handed to PostgreSQL as a
// uuid is checked here first, so a forged one answers "Page not found", never a 500.

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuid.test(value);
}

/** The locale an action was bound with, or not found. */
export function localeArgument(value: unknown): Locale {
  if (!isLocale(value)) notFound();
  return value;
}

/** A record's id an action was bound with, or not found. */
export function uuidArgument(value: unknown): string {
  if (!isUuid(value)) notFound();
  return value;
}

/** A key of `table` (its own, never an inherited one such as `__proto__`), or not found. */
export function keyArgument<T extends object>(table: T, value: unknown): keyof T & string {
  if (typeof value !== 'string' || !Object.hasOwn(table, value)) notFound();
  return value as keyof T & string;
}
