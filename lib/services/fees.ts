import type { Answers } from './answers';
import type { LocalizedText, ServiceDefinition } from './definition';

export interface FeeLine {
  label: LocalizedText | null;
  amount: number;
}

/** The lowest official fee any applicant can be asked: shown as "from" on the catalogue. */
export function minimumFee(definition: ServiceDefinition): number {
  return definition.feeRules.reduce((total, rule) => {
    if (rule.kind === 'by-answer') return total + Math.min(...Object.values(rule.amounts));
    return total + rule.rielPerUnit;
  }, definition.feeRiel);
}

/** The official fee for these answers, line by line, as the applicant sees it before submitting. */
export function feeFor(definition: ServiceDefinition, answers: Answers): { total: number; lines: FeeLine[] } {
  const lines: FeeLine[] = [{ label: null, amount: definition.feeRiel }];
  for (const rule of definition.feeRules) {
    const answer = answers[rule.field];
    const amount =
      rule.kind === 'by-answer'
        ? typeof answer === 'string' ? rule.amounts[answer] ?? 0 : 0
        : typeof answer === 'number' ? answer * rule.rielPerUnit : 0;
    lines.push({ label: rule.label, amount });
  }
  return { total: lines.reduce((sum, l) => sum + l.amount, 0), lines: lines.filter((l) => l.amount > 0 || l.label === null) };
}
