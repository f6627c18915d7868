import type { ServiceDefinition } from './definition';

/** The lowest official fee any applicant can be asked: shown as "from" on the catalogue. */
export function minimumFee(definition: ServiceDefinition): number {
  return definition.feeRules.reduce((total, rule) => {
    if (rule.kind === 'by-answer') return total + Math.min(...Object.values(rule.amounts));
    return total + rule.rielPerUnit;
  }, definition.feeRiel);
}
