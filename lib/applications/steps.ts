import type { Answers } from '@/lib/services/answers';
import { requiredDocuments } from '@/lib/services/answers';
import type { ServiceDefinition } from '@/lib/services/definition';

/** Where the applicant goes after a page of questions: the next page, documents, or the check. */
export function stepAfter(definition: ServiceDefinition, answers: Answers, pageKey: string): string {
  const index = definition.pages.findIndex((p) => p.key === pageKey);
  const next = definition.pages[index + 1];
  if (next) return `questions/${next.key}`;
  return requiredDocuments(definition, answers).length > 0 ? 'documents' : 'check';
}

export function stepBefore(definition: ServiceDefinition, pageKey: string): string | null {
  const index = definition.pages.findIndex((p) => p.key === pageKey);
  return index > 0 ? `questions/${definition.pages[index - 1]!.key}` : null;
}
