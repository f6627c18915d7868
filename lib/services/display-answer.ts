import { formatDay, formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { formatCambodianMobile } from '@/lib/validation/cambodian-mobile';
import type { Address, Answer, Field } from './answers';
import { provinces } from './provinces';

/** An answer as the applicant and staff read it back. */
export function displayAnswer(field: Field, value: Answer | undefined, locale: Locale): string | null {
  if (value === undefined || value === '') return null;
  const option = (v: string) => field.options?.find((o) => o.value === v)?.label[locale] ?? v;
  switch (field.type) {
    case 'select':
    case 'radios':
      return option(String(value));
    case 'checkboxes':
      return (value as string[]).map(option).join(', ');
    case 'address': {
      const a = value as Address;
      const province = provinces.find((p) => p.code === a.province)?.[locale] ?? a.province;
      return [a.line, a.district, province].filter(Boolean).join(', ');
    }
    case 'mobile':
      return formatCambodianMobile(String(value));
    case 'date':
      return formatDay(String(value), locale);
    case 'number':
      return formatNumber(Number(value), locale, { grouping: field.grouping });
    default:
      return String(value);
  }
}
