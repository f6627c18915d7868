// The portal's own records as /api/v1 answers them, typed by the schemas the document publishes.
// Each comes from the function the portal's pages use (the catalogue's, the verification page's,
// public tracking's), so the API and the pages cannot say different things.
import 'server-only';
import type { TrackedApplication } from '@/lib/applications/track-application';
import type { Verification } from '@/lib/licences/documents';
import { minimumFee } from '@/lib/services/fees';
import type { PublishedService } from '@/lib/services/queries';
import type { LicenceStatus, Service, TrackedApplicationBody } from './schemas';

type Departments = Map<string, { nameKm: string; nameEn: string }>;

const departmentOf = (code: string, departments: Departments) => {
  const found = departments.get(code);
  return { code, name: found ? { km: found.nameKm, en: found.nameEn } : { km: code, en: code } };
};

export function serviceResource({ code, version, department, definition: d }: PublishedService, departments: Departments): Service {
  const questions = new Map(d.pages.flatMap((p) => p.fields.map((f) => [f.key, f] as const)));
  return {
    code,
    version,
    name: d.name,
    summary: d.summary,
    whoCanApply: d.whoCanApply,
    department: { code: department.code, name: { km: department.nameKm, en: department.nameEn } },
    fee: {
      baseRiel: d.feeRiel,
      minimumRiel: minimumFee(d),
      lines: d.feeRules.map((rule) => {
        const question = questions.get(rule.field)!;
        return rule.kind === 'by-answer'
          ? {
              kind: rule.kind,
              label: rule.label,
              question: question.label,
              amounts: (question.options ?? []).filter((o) => o.value in rule.amounts).map((o) => ({ option: o.value, label: o.label, riel: rule.amounts[o.value]! })),
            }
          : { kind: rule.kind, label: rule.label, unit: question.label, rielPerUnit: rule.rielPerUnit };
      }),
      ifRefused: d.refundIfRefused ?? null,
    },
    deadlineWorkingDays: d.deadlineWorkingDays,
    stages: d.stages.map((s) => ({ key: s.key, name: s.name, department: departmentOf(s.department, departments), workingDays: s.deadlineWorkingDays })),
    documents: d.documents.map((doc) => ({
      key: doc.key,
      label: doc.label,
      hint: doc.hint ?? null,
      required: doc.required,
      maxFiles: doc.maxFiles,
      conditional: doc.showIf !== undefined,
    })),
    issues: d.issues,
    validityMonths: d.validityMonths,
    legalBasis: d.legalBasis,
  };
}

/** The verification page's answer to a number alone: no holder, public facts only. */
export function licenceStatusResource(found: Extract<Verification, { found: true }>): LicenceStatus {
  return {
    number: found.number,
    status: found.status,
    document: found.document,
    validFrom: found.validFrom,
    validUntil: found.validUntil,
    facts: found.facts,
    revokedReason: found.revokedReason,
  };
}

export function trackedApplicationResource(tracked: TrackedApplication): TrackedApplicationBody {
  return {
    ...tracked,
    outcome: tracked.outcome ? { decision: tracked.outcome.decision, on: tracked.outcome.on?.toISOString() ?? null } : null,
    dueAt: tracked.dueAt?.toISOString() ?? null,
  };
}
