// The fee as the service page publishes it, before anyone applies: each line named, each amount
// a choice can cost, in the order the form asks, and what happens to it if the application is
// refused. Server-only: it carries both message files.
import 'server-only';
import { createTranslator } from 'use-intl/core';
import en from '@/lib/i18n/messages/en.json';
import km from '@/lib/i18n/messages/km.json';
import { formatRiel } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import type { ServiceDefinition } from './definition';
import { labelInSentence } from './text';

export interface PublishedFeeLine {
  label: string;
  /** One amount for a fixed line; one per choice ("Motorcycle", "30,000 riel") for a line that depends on an answer. */
  amounts: { label: string | null; amount: string }[];
}

const messages = { en, km };
const translator = (locale: Locale) => createTranslator({ locale, messages: messages[locale] });

export function publishedFee(definition: ServiceDefinition, locale: Locale): PublishedFeeLine[] {
  const t = translator(locale);
  const fields = definition.pages.flatMap((p) => p.fields);
  const position = (key: string) => fields.findIndex((f) => f.key === key);
  const rules = [...definition.feeRules].sort((a, b) => position(a.field) - position(b.field));
  const lines: PublishedFeeLine[] = definition.feeRiel > 0 || rules.length === 0
    ? [{ label: t('service.feeBase'), amounts: [{ label: null, amount: formatRiel(definition.feeRiel, locale) }] }]
    : [];
  for (const rule of rules) {
    const field = fields[position(rule.field)]!;
    const amounts = rule.kind === 'by-answer'
      ? (field.options ?? []).filter((o) => o.value in rule.amounts).map((o) => ({ label: o.label[locale], amount: formatRiel(rule.amounts[o.value]!, locale) }))
      : [{ label: null, amount: t('feeLines.perUnit', { amount: formatRiel(rule.rielPerUnit, locale), unit: labelInSentence(field.label, locale) }) }];
    lines.push({ label: rule.label[locale], amounts });
  }
  return lines;
}

/** What happens to a paid fee if the application is refused; null for a version that never said. */
export function refundStatement(definition: ServiceDefinition, locale: Locale): string | null {
  const t = translator(locale);
  switch (definition.refundIfRefused) {
    case 'full':
      return t('feePolicy.refund.full');
    case 'all-but-base':
      return t('feePolicy.refund.allButBase', { base: formatRiel(definition.feeRiel, locale) });
    case 'none':
      return t('feePolicy.refund.none');
    case undefined:
      return null;
  }
}
