// The service designer's form and a definition, each way. The form keeps every slot a person can
// fill (an empty hint, an unset condition, amounts as a list), so that react-hook-form's field
// arrays have something to hold; a definition has only what was filled. Problems found on the
// definition come back to the form's paths here, in the administrator's language.
import type { LocalizedText, ServiceDefinition } from './definition';
import { definitionProblemKeys, type DefinitionProblemKey } from './definition';

type Definition = ServiceDefinition;
type Text = LocalizedText;
type Condition = { field: string; equals: string };

export interface FieldValues {
  key: string;
  type: Definition['pages'][number]['fields'][number]['type'];
  label: Text;
  hint: Text;
  required: boolean;
  options: { value: string; label: Text }[];
  min: number;
  max: number;
  showIf: Condition;
}

export interface FeeRuleValues {
  kind: 'by-answer' | 'per-unit';
  field: string;
  label: Text;
  amounts: { value: string; riel: number }[];
  rielPerUnit: number;
}

/** The form: the definition's shape, with a slot for everything optional. Numbers left empty are NaN. */
export type DesignerValues = Omit<Definition, 'pages' | 'documents' | 'feeRules' | 'issues' | 'validityMonths' | 'refundIfRefused'> & {
  refundIfRefused: NonNullable<Definition['refundIfRefused']>;
  pages: { key: string; title: Text; fields: FieldValues[] }[];
  documents: { key: string; label: Text; hint: Text; required: boolean; maxFiles: number; showIf: Condition }[];
  feeRules: FeeRuleValues[];
  issues: Text;
  validityMonths: number;
};

export const emptyText = (): Text => ({ km: '', en: '' });
const filled = (text: Text | undefined) => (text && (text.km || text.en) ? text : undefined);
const number = (value: number) => (Number.isNaN(value) ? undefined : value);
const condition = (showIf: Condition | undefined) => (showIf?.field ? showIf : undefined);
const conditionValues = (showIf: Definition['documents'][number]['showIf']): Condition =>
  showIf ? { field: showIf.field, equals: [showIf.equals].flat().join(',') } : { field: '', equals: '' };
// A condition on several answers is written with commas: "bus,truck".
const conditionOf = (showIf: Condition) => {
  const values = showIf.equals.split(',').map((v) => v.trim()).filter(Boolean);
  return { field: showIf.field, equals: values.length > 1 ? values : (values[0] ?? '') };
};

export function emptyField(): FieldValues {
  return { key: '', type: 'text', label: emptyText(), hint: emptyText(), required: true, options: [], min: NaN, max: NaN, showIf: { field: '', equals: '' } };
}

export function emptyFeeRule(): FeeRuleValues {
  return { kind: 'per-unit', field: '', label: emptyText(), amounts: [], rielPerUnit: NaN };
}

/** A new service: one page with one question and one stage, for the administrator to fill. */
export function newServiceValues(department: string): DesignerValues {
  return {
    code: '', referencePrefix: '', department, name: emptyText(), summary: emptyText(), whoCanApply: emptyText(),
    applicants: ['person', 'company'], legalBasis: emptyText(), feeRiel: NaN, feeRules: [], refundIfRefused: 'none',
    deadlineWorkingDays: NaN, issues: emptyText(), validityMonths: NaN, conditions: [], printedAnswers: [],
    pages: [{ key: '', title: emptyText(), fields: [emptyField()] }],
    documents: [],
    stages: [{ key: '', name: emptyText(), department, decidedBy: 'clerk', kind: 'review', deadlineWorkingDays: NaN }],
  };
}

export function toDesignerValues(definition: Definition): DesignerValues {
  return {
    ...definition,
    refundIfRefused: definition.refundIfRefused ?? 'none',
    pages: definition.pages.map((page) => ({
      ...page,
      fields: page.fields.map((field) => ({
        ...field,
        hint: field.hint ?? emptyText(),
        options: field.options ?? [],
        min: field.min ?? NaN,
        max: field.max ?? NaN,
        showIf: conditionValues(field.showIf),
      })),
    })),
    documents: definition.documents.map((doc) => ({ ...doc, hint: doc.hint ?? emptyText(), showIf: conditionValues(doc.showIf) })),
    feeRules: definition.feeRules.map((rule) => ({
      ...emptyFeeRule(),
      ...rule,
      amounts: rule.kind === 'by-answer' ? Object.entries(rule.amounts).map(([value, riel]) => ({ value, riel })) : [],
    })),
    issues: definition.issues ?? emptyText(),
    validityMonths: definition.validityMonths ?? NaN,
  };
}

/** What the form says, as a definition for the schema to check: empty slots left out. */
export function toDefinitionInput(values: DesignerValues): unknown {
  return {
    ...values,
    pages: values.pages.map((page) => ({
      ...page,
      fields: page.fields.map((field) => {
        const choice = field.type === 'select' || field.type === 'radios' || field.type === 'checkboxes';
        const showIf = condition(field.showIf);
        return {
          ...field,
          hint: filled(field.hint),
          options: choice ? field.options : undefined,
          min: field.type === 'number' ? number(field.min) : undefined,
          max: field.type === 'number' ? number(field.max) : undefined,
          showIf: showIf && conditionOf(showIf),
        };
      }),
    })),
    documents: values.documents.map((doc) => {
      const showIf = condition(doc.showIf);
      return { ...doc, hint: filled(doc.hint), showIf: showIf && conditionOf(showIf) };
    }),
    feeRules: values.feeRules.map(({ kind, field, label, amounts, rielPerUnit }) =>
      kind === 'per-unit'
        ? { kind, field, label, rielPerUnit }
        : { kind, field, label, amounts: Object.fromEntries(amounts.map((a) => [a.value, a.riel])) },
    ),
    issues: filled(values.issues) ?? null,
    validityMonths: number(values.validityMonths) ?? null,
  };
}

/** A problem as the schema (in the browser) or the server's save reports it. */
export interface Problem {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  params?: Record<string, unknown>;
  origin?: string;
  minimum?: unknown;
  inclusive?: boolean;
  maximum?: unknown;
  expected?: string;
}

/** The designer's messages, as templates with `{name}` slots (the `designer.problems` and `definitionProblems` namespaces). */
export interface ProblemTexts {
  definitionProblems: Record<DefinitionProblemKey, string>;
  required: string;
  addOne: string;
  tooSmall: string;
  tooBig: string;
  wholeNumber: string;
  keyFormat: string;
  codeFormat: string;
  prefixFormat: string;
  plainLine: string;
  choose: string;
  check: string;
  codeTaken: string;
}

const fill = (template: string, params: Record<string, unknown> = {}) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));

const isProblemKey = (message: string): message is DefinitionProblemKey => (definitionProblemKeys as readonly string[]).includes(message);

/** The sentence for one problem, in the administrator's language. */
export function problemMessage(problem: Problem, texts: ProblemTexts): string {
  if (isProblemKey(problem.message)) return fill(texts.definitionProblems[problem.message], problem.params);
  if (problem.message === 'codeTaken') return fill(texts.codeTaken, problem.params);
  const last = String(problem.path.at(-1));
  switch (problem.code) {
    case 'invalid_type':
      return problem.expected === 'int' ? texts.wholeNumber : texts.required;
    case 'too_small':
      if (problem.origin === 'array') return texts.addOne;
      if (problem.origin === 'string') return texts.required;
      // Every number in a definition is whole: "more than 0" is "1 or more".
      return fill(texts.tooSmall, { minimum: Number(problem.minimum) + (problem.inclusive === false ? 1 : 0) });
    case 'too_big':
      return fill(texts.tooBig, { maximum: problem.maximum });
    case 'invalid_format':
      if (last === 'referencePrefix') return texts.prefixFormat;
      return problem.path.includes('fields') || problem.path.includes('printedAnswers') ? texts.keyFormat : texts.codeFormat;
    case 'invalid_value':
    case 'invalid_union':
      return texts.choose;
    case 'custom':
      return texts.plainLine;
    default:
      return texts.check;
  }
}

/**
 * Where a problem shows in the form: its path, except inside a by-answer fee's amounts, which the
 * definition keys by choice and the form lists (the problem then shows on the amount of that choice).
 */
export function formPath(problem: Problem, values: DesignerValues): string {
  const path = problem.path.map(String);
  if (path[0] === 'feeRules' && path[2] === 'amounts' && path[3] !== undefined) {
    const index = values.feeRules[Number(path[1])]?.amounts.findIndex((a) => a.value === path[3]) ?? -1;
    return index < 0 ? path.slice(0, 3).join('.') : [...path.slice(0, 3), index, 'riel'].join('.');
  }
  // A condition's several answers are one box in the form.
  if (path.at(-2) === 'equals') return path.slice(0, -1).join('.');
  return path.join('.');
}
