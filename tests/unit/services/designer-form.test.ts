import { describe, expect, test } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import km from '@/lib/i18n/messages/km.json';
import { seedServices } from '@/lib/services/catalogue';
import { checkedServiceDefinition, serviceDefinition } from '@/lib/services/definition';
import { departments } from '@/lib/services/departments';
import { formPath, newServiceValues, problemMessage, toDefinitionInput, toDesignerValues, type DesignerValues, type ProblemTexts } from '@/lib/services/designer-form';

const texts = (messages: typeof en): ProblemTexts => ({ ...messages.designer.problems, definitionProblems: messages.definitionProblems });
const codes = departments.map((d) => d.code);
const problemsOf = (values: DesignerValues, messages = en) => {
  const result = checkedServiceDefinition(codes).safeParse(toDefinitionInput(values));
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [formPath(i, values), problemMessage(i, texts(messages))]));
};

describe('the service designer form', () => {
  test('every seeded service goes into the form and comes back unchanged', () => {
    for (const definition of seedServices) {
      const back = serviceDefinition.parse(toDefinitionInput(toDesignerValues(definition)));
      expect(back).toEqual(definition);
    }
  });

  test('a new service from nothing says what to fill in, beside each field', () => {
    const problems = problemsOf(newServiceValues('land-transport'));
    expect(problems['code']).toBe('Use lower-case letters, digits and hyphens, starting with a letter, for example oversize-load');
    expect(problems['referencePrefix']).toBe('Enter 2 or 3 capital letters, for example OLP');
    expect(problems['name.km']).toBe('Fill this in');
    expect(problems['pages.0.fields.0.key']).toBe('Use letters and digits only, starting with a lower-case letter, for example loadWidth');
    expect(problems['feeRiel']).toBe('Fill this in');
    // Empty optional slots (hint, condition, what it issues, validity) are not problems.
    expect(Object.keys(problems).some((path) => /hint|showIf|issues|validityMonths/.test(path))).toBe(false);
  });

  test("a definition's own problems show with their values, in English and in Khmer", () => {
    const values = toDesignerValues(seedServices.find((s) => s.code === 'construction-permit')!);
    values.deadlineWorkingDays = 99;
    values.stages[1]!.key = values.stages[0]!.key;
    const problems = problemsOf(values);
    expect(problems['deadlineWorkingDays']).toMatch(/^The stages' deadlines add up to [\d.]+ working days, but the service promises 99\./);
    expect(problems[`stages.1.key`]).toBe(`The key “${values.stages[0]!.key}” is used twice. Each must be different.`);
    expect(problemsOf(values, km)['stages.1.key']).toBe(`កូនសោ «${values.stages[0]!.key}» ត្រូវបានប្រើពីរដង។ កូនសោនីមួយៗត្រូវតែខុសគ្នា។`);
  });

  test('numbers out of range say the limit (a positive one starts at 1), and a fraction asks for a whole number', () => {
    const values = toDesignerValues(seedServices[0]!);
    values.stages[0]!.deadlineWorkingDays = 0;
    values.documents[0]!.maxFiles = 11;
    values.feeRiel = 1.5;
    const problems = problemsOf(values);
    expect(problems['stages.0.deadlineWorkingDays']).toBe('Enter 1 or more');
    expect(problems['documents.0.maxFiles']).toBe('Enter 10 or less');
    expect(problems['feeRiel']).toBe('Enter a whole number');
  });

  test("a by-answer fee's amount problem shows on that choice's amount", () => {
    const values = toDesignerValues(seedServices.find((s) => s.feeRules.some((r) => r.kind === 'by-answer'))!);
    const index = values.feeRules.findIndex((r) => r.kind === 'by-answer');
    const second = values.feeRules[index]!.amounts[1]!;
    second.riel = -5;
    expect(problemsOf(values)[`feeRules.${index}.amounts.1.riel`]).toBe('Enter 0 or more');
  });

  test('a condition on several answers is written with commas and kept as a list', () => {
    const values = newServiceValues('land-transport');
    values.pages[0]!.fields[0]!.showIf = { field: 'loadType', equals: 'machinery, parts' };
    const input = toDefinitionInput(values) as { pages: { fields: { showIf: unknown }[] }[] };
    expect(input.pages[0]!.fields[0]!.showIf).toEqual({ field: 'loadType', equals: ['machinery', 'parts'] });
    expect(formPath({ path: ['pages', 0, 'fields', 0, 'showIf', 'equals', 1], message: 'x' }, values)).toBe('pages.0.fields.0.showIf.equals');
  });

  test("a problem the server names by key is translated, and one it cannot name says to check the field", () => {
    expect(problemMessage({ path: ['code'], message: 'codeTaken', params: { code: 'x' } }, texts(en))).toBe(
      'A service with the code “x” already exists. Choose another code, or edit that service.',
    );
    expect(problemMessage({ path: ['name', 'en'], message: 'Too small: expected string to have >=1 characters' }, texts(en))).toBe('Check this');
  });
});
