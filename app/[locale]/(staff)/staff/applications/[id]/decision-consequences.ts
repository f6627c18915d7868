import 'server-only';
import { db } from '@/lib/db/client';
import { actionTranslator } from '@/lib/forms/translate';
import type { Locale } from '@/lib/i18n/routing';
import type { Actor } from '@/lib/policy/policy';
import { decisionOutcome, type CaseFile, type StaffStep } from '@/lib/workflow/machine';

/** What a decision will do, in the person's words, for the confirmation step; and its button. */
export async function decisionConsequences(actor: Actor, file: CaseFile, step: StaffStep, locale: Locale): Promise<{ lines: string[]; submit: string }> {
  const { text } = await actionTranslator(locale);
  const outcome = decisionOutcome(actor, file, step);
  const stageName = (key: string | null) => file.definition.stages.find((s) => s.key === key)?.name[locale] ?? '';
  const lines: string[] = [];
  if (step === 'approveStage' && outcome.next) {
    const department = await db.department.findUniqueOrThrow({ where: { id: outcome.next.departmentId }, select: { nameKm: true, nameEn: true } });
    lines.push(text('confirmDecision.approveStage', {
      stage: stageName(file.currentStageKey),
      nextStage: stageName(outcome.next.stageKey),
      department: locale === 'km' ? department.nameKm : department.nameEn,
    }));
  } else if (step === 'finalApprove') {
    lines.push(outcome.issues ? text('confirmDecision.finalApproveIssues', { document: outcome.issues[locale] }) : text('confirmDecision.finalApprove'));
  } else {
    lines.push(text('confirmDecision.reject'));
  }
  if (outcome.takesFile) lines.push(text('confirmDecision.takesFile'));
  return { lines, submit: text(`confirmDecision.submit.${step}`) };
}
