import { expect, inject } from 'vitest';
import type { z } from 'zod';
import { problem } from '@/lib/api/v1/schemas';
import type { Answer, Problem } from '../../support/api-client';

export const baseUrl = inject('apiBaseUrl');
export const configuredUrl = inject('configuredUrl');

/** The answer's body, exactly as the published schema describes it (no field more, none less). */
export function expectShape<T>(schema: z.ZodType, answer: Answer<T>): T {
  if (answer.status !== 200) throw new Error(`expected 200, got ${answer.status}: ${JSON.stringify('problem' in answer ? answer.problem : null)}`);
  expect(schema.parse(answer.body)).toEqual(answer.body);
  return answer.body;
}

export function expectProblem<T>(answer: Answer<T>, status: number, type: string): Problem {
  if (answer.status === 200 || answer.status === 304) throw new Error(`expected a problem, got ${answer.status}`);
  expect(answer.status).toBe(status);
  expect(problem.parse(answer.problem)).toEqual(answer.problem);
  // On the configured address, never the host the request came in by.
  expect(answer.problem).toMatchObject({ type: `${configuredUrl}/api/v1/problems/${type}`, status });
  return answer.problem;
}

