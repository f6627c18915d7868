import type { Answers } from '@/lib/services/answers';
import { requiredDocuments } from '@/lib/services/answers';
import type { ServiceDefinition } from '@/lib/services/definition';

/** Every step of an application, as paths under it: each page of questions, the documents (when any are asked), the check. */
export function applicationSteps(definition: ServiceDefinition, answers: Answers): string[] {
  return [
    ...definition.pages.map((p) => `questions/${p.key}`),
    ...(requiredDocuments(definition, answers).length > 0 ? ['documents'] : []),
    'check',
  ];
}

/** "Step 4 of 5": where a step stands among all of them. */
export function stepPosition(definition: ServiceDefinition, answers: Answers, step: string): { step: number; total: number } {
  const steps = applicationSteps(definition, answers);
  return { step: steps.indexOf(step) + 1, total: steps.length };
}

/** Where the applicant goes after a page of questions: the next page, documents, or the check. */
export function stepAfter(definition: ServiceDefinition, answers: Answers, pageKey: string): string {
  const steps = applicationSteps(definition, answers);
  return steps[steps.indexOf(`questions/${pageKey}`) + 1] ?? 'check';
}

export function stepBefore(definition: ServiceDefinition, pageKey: string): string | null {
  const index = definition.pages.findIndex((p) => p.key === pageKey);
  return index > 0 ? `questions/${definition.pages[index - 1]!.key}` : null;
}
