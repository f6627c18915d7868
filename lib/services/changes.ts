// What changed between two versions of a service, in plain words in both languages: the diff a
// reviewer reads before publishing, stored on the published version for the public changelog.
// Pure (no database): the seed publishes through it too.
import { isDeepStrictEqual } from 'node:util';
import { createTranslator } from 'use-intl/core';
import en from '@/lib/i18n/messages/en.json' with { type: 'json' };
import km from '@/lib/i18n/messages/km.json' with { type: 'json' };
import { formatRiel } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import type { LocalizedText, ServiceDefinition } from './definition';

export type Change = LocalizedText;
/** Department names by code, for stages moved between departments. */
export type DepartmentNames = ReadonlyMap<string, { nameKm: string; nameEn: string }>;

const locales = ['km', 'en'] as const satisfies readonly Locale[];
const translators = { km: createTranslator({ locale: 'km', messages: km, namespace: 'changelog' }), en: createTranslator({ locale: 'en', messages: en, namespace: 'changelog' }) };
type Key = Parameters<(typeof translators)['en']>[0];
type Value = string | number | LocalizedText | ((locale: Locale) => string);

/** One change in both languages; a value may be a text in both languages or written per language. */
function say(key: Key, values: Record<string, Value> = {}): Change {
  const written = (locale: Locale) =>
    Object.fromEntries(Object.entries(values).map(([name, v]) => [name, typeof v === 'function' ? v(locale) : typeof v === 'object' ? v[locale] : v]));
  const [kmText, enText] = locales.map((locale) => translators[locale](key, written(locale)));
  return { km: kmText!, en: enText! };
}

const riel = (amount: number) => (locale: Locale) => formatRiel(amount, locale);
const same = (a: unknown, b: unknown) => isDeepStrictEqual(a, b);

/** Items of two lists matched by key: added, removed, and those in both. */
function byKey<T extends { key: string }>(before: T[], after: T[]) {
  const old = new Map(before.map((item) => [item.key, item]));
  const now = new Map(after.map((item) => [item.key, item]));
  return {
    added: after.filter((item) => !old.has(item.key)),
    removed: before.filter((item) => !now.has(item.key)),
    kept: after.flatMap((item) => (old.has(item.key) ? [[old.get(item.key)!, item] as const] : [])),
  };
}

/** A service closed to new applications, as the changelog says it. */
export const retirementChange = (): Change => say('retired');

/**
 * The changes from `before` (null: the service's first version) to `after`, fee and deadlines
 * first as a reader looks for them. Nothing that applicants or staff would notice is left out.
 */
export function describeChanges(before: ServiceDefinition | null, after: ServiceDefinition, departments: DepartmentNames): Change[] {
  if (!before) return [say('first')];
  const changes: Change[] = [];
  const department = (code: string): LocalizedText => {
    const found = departments.get(code);
    return found ? { km: found.nameKm, en: found.nameEn } : { km: code, en: code };
  };
  const fields = (d: ServiceDefinition) => new Map(d.pages.flatMap((p) => p.fields).map((f) => [f.key, f]));
  const afterFields = fields(after);

  if (before.feeRiel !== after.feeRiel) changes.push(say('fee', { from: riel(before.feeRiel), to: riel(after.feeRiel) }));
  const rules = byKey(before.feeRules.map((r) => ({ ...r, key: `${r.kind}:${r.field}` })), after.feeRules.map((r) => ({ ...r, key: `${r.kind}:${r.field}` })));
  for (const rule of rules.added) changes.push(say('feeRuleAdded', { label: rule.label }));
  for (const rule of rules.removed) changes.push(say('feeRuleRemoved', { label: rule.label }));
  for (const [old, now] of rules.kept) {
    if (old.kind === 'per-unit' && now.kind === 'per-unit' && old.rielPerUnit !== now.rielPerUnit) {
      changes.push(say('feePerUnit', { label: now.label, from: riel(old.rielPerUnit), to: riel(now.rielPerUnit) }));
    } else if (old.kind === 'by-answer' && now.kind === 'by-answer') {
      const options = afterFields.get(now.field)?.options ?? [];
      for (const option of options) {
        const [from, to] = [old.amounts[option.value], now.amounts[option.value]];
        if (from !== to) changes.push(say('feeOption', { label: now.label, option: option.label, from: riel(from ?? 0), to: riel(to ?? 0) }));
      }
    }
    if (!same(old.label, now.label)) changes.push(say('feeRuleChanged', { label: now.label }));
  }
  if (before.refundIfRefused !== after.refundIfRefused) changes.push(say('refund'));

  if (before.deadlineWorkingDays !== after.deadlineWorkingDays) changes.push(say('deadline', { from: before.deadlineWorkingDays, to: after.deadlineWorkingDays }));
  if (!same(before.legalBasis, after.legalBasis)) changes.push(say('legalBasis', { to: after.legalBasis }));
  if (!same(before.name, after.name)) changes.push(say('name', { from: before.name, to: after.name }));
  if (!same(before.summary, after.summary)) changes.push(say('summary'));
  if (!same(before.whoCanApply, after.whoCanApply)) changes.push(say('whoCanApply'));
  if (!same(before.applicants, after.applicants)) changes.push(say('applicants'));
  if (before.department !== after.department) changes.push(say('department', { from: department(before.department), to: department(after.department) }));
  if (before.referencePrefix !== after.referencePrefix) changes.push(say('reference', { to: after.referencePrefix }));

  const beforeFields = [...fields(before).values()];
  const questions = byKey(beforeFields, [...afterFields.values()]);
  for (const field of questions.added) changes.push(say('questionAdded', { label: field.label }));
  for (const field of questions.removed) changes.push(say('questionRemoved', { label: field.label }));
  for (const [old, now] of questions.kept) if (!same(old, now)) changes.push(say('questionChanged', { label: now.label }));
  const pageLayout = (d: ServiceDefinition) => d.pages.map((p) => [p.key, p.title, p.fields.map((f) => f.key)]);
  if (!questions.added.length && !questions.removed.length && !same(pageLayout(before), pageLayout(after))) changes.push(say('pagesChanged'));

  const documents = byKey(before.documents, after.documents);
  for (const document of documents.added) changes.push(say('documentAdded', { label: document.label }));
  for (const document of documents.removed) changes.push(say('documentRemoved', { label: document.label }));
  for (const [old, now] of documents.kept) if (!same(old, now)) changes.push(say('documentChanged', { label: now.label }));

  const stages = byKey(before.stages, after.stages);
  for (const stage of stages.added) changes.push(say('stageAdded', { stage: stage.name, department: department(stage.department) }));
  for (const stage of stages.removed) changes.push(say('stageRemoved', { stage: stage.name }));
  for (const [old, now] of stages.kept) {
    if (old.department !== now.department) changes.push(say('stageMoved', { stage: now.name, from: department(old.department), to: department(now.department) }));
    if (old.deadlineWorkingDays !== now.deadlineWorkingDays) changes.push(say('stageDeadline', { stage: now.name, from: old.deadlineWorkingDays, to: now.deadlineWorkingDays }));
    if (!same({ ...old, department: '', deadlineWorkingDays: 0 }, { ...now, department: '', deadlineWorkingDays: 0 })) changes.push(say('stageChanged', { stage: now.name }));
  }
  const order = (d: ServiceDefinition) => d.stages.map((s) => s.key).filter((key) => stages.kept.some(([, s]) => s.key === key));
  if (!same(order(before), order(after))) changes.push(say('stagesReordered'));

  if (!same(before.issues, after.issues) && after.issues) changes.push(say('issues', { to: after.issues }));
  if (before.validityMonths !== after.validityMonths) {
    const validity = (months: number | null) => (locale: Locale) => (months === null ? translators[locale]('noExpiry') : translators[locale]('months', { count: months }));
    changes.push(say('validity', { from: validity(before.validityMonths), to: validity(after.validityMonths) }));
  }
  const conditions = (d: ServiceDefinition) => d.conditions.map((c) => JSON.stringify(c));
  for (const c of after.conditions) if (!conditions(before).includes(JSON.stringify(c))) changes.push(say('conditionAdded', { text: c }));
  for (const c of before.conditions) if (!conditions(after).includes(JSON.stringify(c))) changes.push(say('conditionRemoved', { text: c }));
  if (!same(before.printedAnswers, after.printedAnswers)) changes.push(say('printedAnswers'));
  if (!same(before.plate, after.plate)) changes.push(say('plate'));
  return changes;
}

/** A change to the fee (base or rules), a deadline or the legal basis must name the legal instrument that made it. */
export function needsLegalInstrument(before: ServiceDefinition | null, after: ServiceDefinition): boolean {
  if (!before) return false;
  const deadlines = (d: ServiceDefinition) => [d.deadlineWorkingDays, ...d.stages.map((s) => [s.key, s.deadlineWorkingDays])];
  return before.feeRiel !== after.feeRiel || !same(before.feeRules, after.feeRules) || !same(deadlines(before), deadlines(after)) || !same(before.legalBasis, after.legalBasis);
}
