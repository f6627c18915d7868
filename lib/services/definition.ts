// A service definition is data: stored versioned in Postgres (ServiceVersion.definition),
// seeded from one file per service in ./definitions. This schema is the one place that says
// what a definition may contain; the seed and every read of the JSON go through it.
import { z } from 'zod';
import { stageDeciderNames } from '@/lib/policy/policy';
import { isPlainLine } from '@/lib/validation/plain-text';

export const text = z.object({ km: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof text>;
// What is printed on a licence stays one plain line in each language (lib/validation/plain-text).
const printedText = z.object({ km: z.string().min(1).refine(isPlainLine), en: z.string().min(1).refine(isPlainLine) });

const code = z.string().regex(/^[a-z][a-z0-9-]*$/);
const fieldKey = z.string().regex(/^[a-z][a-zA-Z0-9]*$/);

export const fieldTypes = [
  'text', 'number', 'date', 'select', 'radios', 'checkboxes',
  'address', 'mobile', 'national-id', 'vin', 'plate',
] as const;

const option = z.object({ value: code, label: text });

const field = z.object({
  key: fieldKey,
  type: z.enum(fieldTypes),
  label: text,
  hint: text.optional(),
  required: z.boolean().default(true),
  options: z.array(option).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  // Numbers are shown grouped (1,200 m²); a year or other identifier is not (2026).
  grouping: z.boolean().default(true),
  // Asked only when another answer has this value ("conditional question").
  showIf: z.object({ field: z.string(), equals: z.union([z.string(), z.array(z.string())]) }).optional(),
});

const page = z.object({ key: code, title: text, fields: z.array(field).min(1) });

const document = z.object({
  key: code,
  label: text,
  hint: text.optional(),
  required: z.boolean().default(true),
  // How many files it may take, uploaded one after another: 2 for "front and back".
  maxFiles: z.number().int().min(1).max(10).default(1),
  showIf: field.shape.showIf,
});

// The official fee: a base amount plus rules that depend on the answers.
const feeRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('by-answer'), field: z.string(), amounts: z.record(z.string(), z.number().int().nonnegative()), label: text }),
  z.object({ kind: z.literal('per-unit'), field: z.string(), rielPerUnit: z.number().int().nonnegative(), label: text }),
]);

const stage = z.object({
  key: code,
  name: text,
  department: code,
  // Who takes the stage's decision: a clerk, or the head of the department (lib/policy's stageDeciders).
  decidedBy: z.enum(stageDeciderNames),
  kind: z.enum(['review', 'inspection', 'approval']),
  deadlineWorkingDays: z.number().int().positive(),
});

export const serviceDefinition = z.object({
  code,
  referencePrefix: z.string().regex(/^[A-Z]{2,3}$/),
  department: code,
  name: text,
  summary: text,
  whoCanApply: text,
  // Who may apply, for the catalogue's filter: people in their own name, companies, or both.
  // Defaulted for versions stored before it was asked.
  applicants: z.array(z.enum(['person', 'company'])).min(1).default(['person', 'company']),
  legalBasis: text,
  feeRiel: z.number().int().nonnegative(),
  feeRules: z.array(feeRule).default([]),
  // What happens to a paid fee when the application is refused: all of it paid back, all but
  // the base fee (which paid for the review), or none. Optional only for versions stored before
  // it was asked; defineService requires it of every definition.
  refundIfRefused: z.enum(['full', 'all-but-base', 'none']).optional(),
  deadlineWorkingDays: z.number().int().positive(),
  // What the holder receives; null for an appointment.
  issues: printedText.nullable(),
  validityMonths: z.number().int().positive().nullable(),
  // Printed on the document it issues: what the holder must keep to.
  conditions: z.array(printedText).default([]),
  // What the issued document certifies (lib/licences/facts.ts): these answers are printed on it,
  // in this order, and signed into its QR code. `public` ones also show on the verification page
  // to anyone with the number; the others only to someone holding the document (its QR code, or
  // the holder's name as printed), as the holder's name does.
  printedAnswers: z.array(z.object({ field: fieldKey, public: z.boolean() })).default([]),
  // A number plate allocated at issuance (lib/licences/plates.ts): in the province of an address
  // answer, its first digit by the vehicle's class (an option of another answer).
  plate: z
    .object({ provinceFrom: fieldKey, classFrom: fieldKey, classDigits: z.record(code, z.string().regex(/^[1-9]$/)) })
    .optional(),
  pages: z.array(page).min(1),
  documents: z.array(document),
  stages: z.array(stage).min(1),
});

export type ServiceDefinition = z.infer<typeof serviceDefinition>;
export type RefundRule = NonNullable<ServiceDefinition['refundIfRefused']>;
export type ServiceDefinitionInput = z.input<typeof serviceDefinition> & { refundIfRefused: RefundRule };

type FieldKeyOf<D> = D extends { pages: readonly { fields: readonly { key: infer K extends string }[] }[] } ? K : never;
/** What names a question must name one of the definition's own: `tsc` reports any other. */
type NamesItsOwnQuestions<D> = {
  printedAnswers?: readonly { field: FieldKeyOf<D>; public: boolean }[];
  plate?: { provinceFrom: FieldKeyOf<D>; classFrom: FieldKeyOf<D>; classDigits: Record<string, string> };
};

/**
 * What can be wrong with a definition beyond its shape. Each problem is a zod issue whose message
 * is one of these keys (translated under `definitionProblems` in the messages) with `params` for
 * its values, on the path of the item at fault: the designer shows it beside that field.
 */
export const definitionProblemKeys = [
  'deadlinesDontAddUp', 'unknownField', 'feeRuleNotNumber', 'feeRuleNotChoice', 'unknownDepartment', 'duplicateKey',
  'printsWithoutDocument', 'plateProvinceNotAddress', 'plateClassIncomplete', 'optionsMissing',
] as const;
export type DefinitionProblemKey = (typeof definitionProblemKeys)[number];

type Field = ServiceDefinition['pages'][number]['fields'][number];
type Problem = { key: DefinitionProblemKey; path: (string | number)[]; params?: Record<string, string | number> };

/** The problems of a well-shaped definition; `departments` are the codes that exist (null: not checked). */
export function definitionProblems(definition: ServiceDefinition, departments: readonly string[] | null): Problem[] {
  const problems: Problem[] = [];
  const add = (key: DefinitionProblemKey, path: Problem['path'], params?: Problem['params']) => problems.push({ key, path, params });
  const fields = new Map<string, Field>();
  const duplicates = (keys: string[], path: (i: number) => Problem['path']) => {
    const seen = new Set<string>();
    keys.forEach((key, i) => (seen.has(key) ? add('duplicateKey', path(i), { key }) : seen.add(key)));
  };

  duplicates(definition.pages.map((p) => p.key), (i) => ['pages', i, 'key']);
  const allFields = definition.pages.flatMap((p, pi) => p.fields.map((f, fi) => ({ field: f, path: ['pages', pi, 'fields', fi] as Problem['path'] })));
  duplicates(allFields.map((f) => f.field.key), (i) => [...allFields[i]!.path, 'key']);
  for (const { field, path } of allFields) {
    fields.set(field.key, field);
    const choice = field.type === 'select' || field.type === 'radios' || field.type === 'checkboxes';
    if (choice && !field.options?.length) add('optionsMissing', [...path, 'options']);
    if (field.options) duplicates(field.options.map((o) => o.value), (i) => [...path, 'options', i, 'value']);
  }
  duplicates(definition.documents.map((d) => d.key), (i) => ['documents', i, 'key']);
  duplicates(definition.stages.map((s) => s.key), (i) => ['stages', i, 'key']);

  const stageTotal = definition.stages.reduce((sum, s) => sum + s.deadlineWorkingDays, 0);
  if (stageTotal !== definition.deadlineWorkingDays) add('deadlinesDontAddUp', ['deadlineWorkingDays'], { stages: stageTotal, service: definition.deadlineWorkingDays });

  definition.feeRules.forEach((rule, i) => {
    const field = fields.get(rule.field);
    if (!field) add('unknownField', ['feeRules', i, 'field'], { field: rule.field });
    else if (rule.kind === 'per-unit' && field.type !== 'number') add('feeRuleNotNumber', ['feeRules', i, 'field'], { field: rule.field });
    else if (rule.kind === 'by-answer' && !field.options) add('feeRuleNotChoice', ['feeRules', i, 'field'], { field: rule.field });
  });
  for (const { field, path } of allFields) {
    if (field.showIf && !fields.has(field.showIf.field)) add('unknownField', [...path, 'showIf', 'field'], { field: field.showIf.field });
  }
  definition.documents.forEach((document, i) => {
    if (document.showIf && !fields.has(document.showIf.field)) add('unknownField', ['documents', i, 'showIf', 'field'], { field: document.showIf.field });
  });
  if (departments) {
    if (!departments.includes(definition.department)) add('unknownDepartment', ['department'], { department: definition.department });
    definition.stages.forEach((stage, i) => {
      if (!departments.includes(stage.department)) add('unknownDepartment', ['stages', i, 'department'], { department: stage.department });
    });
  }

  if (!definition.issues && (definition.printedAnswers.length || definition.plate)) add('printsWithoutDocument', ['issues']);
  definition.printedAnswers.forEach((answer, i) => {
    if (!fields.has(answer.field)) add('unknownField', ['printedAnswers', i, 'field'], { field: answer.field });
  });
  duplicates(definition.printedAnswers.map((a) => a.field), (i) => ['printedAnswers', i, 'field']);
  if (definition.plate) {
    const { provinceFrom, classFrom, classDigits } = definition.plate;
    if (fields.get(provinceFrom)?.type !== 'address') add('plateProvinceNotAddress', ['plate', 'provinceFrom'], { field: provinceFrom });
    const classes = fields.get(classFrom)?.options?.map((o) => o.value);
    if (!classes || classes.some((c) => !classDigits[c])) add('plateClassIncomplete', ['plate', 'classFrom'], { field: classFrom });
  }
  return problems;
}

/**
 * The schema every written definition passes (seed, import, the designer's drafts and its form's
 * resolver): the shape, then `definitionProblems`. Reads of stored versions use the shape only.
 */
export function checkedServiceDefinition(departments: readonly string[] | null) {
  return serviceDefinition.superRefine((definition, context) => {
    for (const problem of definitionProblems(definition, departments)) {
      context.addIssue({ code: 'custom', message: problem.key, path: problem.path, params: problem.params });
    }
  });
}

/** Checks a definition when it is written in code; a mistake fails the seed, not a citizen's form. */
export function defineService<const D extends ServiceDefinitionInput>(input: D & NamesItsOwnQuestions<D>): ServiceDefinition {
  const result = checkedServiceDefinition(null).safeParse(input);
  if (result.success) return result.data;
  const where = (path: PropertyKey[]) => path.map(String).join('.');
  const said = result.error.issues.map((i) => `${where(i.path)}: ${i.message}${i.code === 'custom' && i.params ? ` ${JSON.stringify(i.params)}` : ''}`);
  throw new Error(`${String((input as { code?: unknown }).code)}: ${said.join('; ')}`);
}
