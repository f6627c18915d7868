// A service definition is data: stored versioned in Postgres (ServiceVersion.definition),
// seeded from one file per service in ./definitions. This schema is the one place that says
// what a definition may contain; the seed and every read of the JSON go through it.
import { z } from 'zod';
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
  // Who takes the stage's decision: a clerk, or the head of the department.
  decidedBy: z.enum(['clerk', 'department_head']),
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

/** Checks a definition when it is written; a mistake fails the seed, not a citizen's form. */
export function defineService<const D extends ServiceDefinitionInput>(input: D & NamesItsOwnQuestions<D>): ServiceDefinition {
  const definition = serviceDefinition.parse(input);
  const fields = new Map(definition.pages.flatMap((p) => p.fields.map((f) => [f.key, f] as const)));
  const keys = new Set(fields.keys());
  const stageTotal = definition.stages.reduce((sum, s) => sum + s.deadlineWorkingDays, 0);
  if (stageTotal !== definition.deadlineWorkingDays) {
    throw new Error(`${definition.code}: stage deadlines add up to ${stageTotal}, not ${definition.deadlineWorkingDays} working days`);
  }
  for (const rule of definition.feeRules) {
    if (!keys.has(rule.field)) throw new Error(`${definition.code}: fee rule names unknown field ${rule.field}`);
  }
  for (const item of [...definition.pages.flatMap((p) => p.fields), ...definition.documents]) {
    if (item.showIf && !keys.has(item.showIf.field)) {
      throw new Error(`${definition.code}: ${item.key} depends on unknown field ${item.showIf.field}`);
    }
  }
  checkCertifiedAnswers(definition, fields);
  return definition;
}

function checkCertifiedAnswers(definition: ServiceDefinition, fields: Map<string, ServiceDefinition['pages'][number]['fields'][number]>) {
  const fail = (problem: string) => {
    throw new Error(`${definition.code}: ${problem}`);
  };
  if (!definition.issues && (definition.printedAnswers.length || definition.plate)) fail('prints answers but issues no document');
  const printed = definition.printedAnswers.map((a) => a.field);
  for (const key of printed) if (!fields.has(key)) fail(`prints unknown field ${key}`);
  if (new Set(printed).size !== printed.length) fail('prints an answer twice');
  if (!definition.plate) return;
  const { provinceFrom, classFrom, classDigits } = definition.plate;
  if (fields.get(provinceFrom)?.type !== 'address') fail(`plate province ${provinceFrom} is not an address question`);
  const classes = fields.get(classFrom)?.options?.map((o) => o.value);
  if (!classes || classes.some((c) => !classDigits[c])) fail(`plate class ${classFrom} is not a choice with a digit for each option`);
}
