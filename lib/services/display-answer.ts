import { formatDay, formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { formatCambodianMobile } from '@/lib/validation/cambodian-mobile';
import type { Address, Answer, Field } from './answers';
import type { FieldType } from './field-types';
import { provinces } from './provinces';

type Display = (field: Field, value: Answer, locale: Locale) => string;

const option = (field: Field, value: string, locale: Locale) => field.options?.find((o) => o.value === value)?.label[locale] ?? value;
const asTyped: Display = (_, value) => String(value);
const chosenOption: Display = (field, value, locale) => option(field, String(value), locale);

// How each type of answer is read back (the other concerns of a type: lib/services/field-types.ts).
const displays = {
  text: asTyped,
  number: (field, value, locale) => formatNumber(Number(value), locale, { grouping: field.grouping }),
  date: (_, value, locale) => formatDay(String(value), locale),
  select: chosenOption,
  radios: chosenOption,
  checkboxes: (field, value, locale) => (value as string[]).map((v) => option(field, v, locale)).join(', '),
  address: (_, value, locale) => {
    const a = value as Address;
    const province = provinces.find((p) => p.code === a.province)?.[locale] ?? a.province;
    return [a.line, a.district, province].filter(Boolean).join(', ');
  },
  mobile: (_, value) => formatCambodianMobile(String(value)),
  'national-id': asTyped,
  vin: asTyped,
  plate: asTyped,
} satisfies Record<FieldType, Display>;

/** An answer as the applicant and staff read it back. */
export function displayAnswer(field: Field, value: Answer | undefined, locale: Locale): string | null {
  if (value === undefined || value === '') return null;
  return displays[field.type](field, value, locale);
}
