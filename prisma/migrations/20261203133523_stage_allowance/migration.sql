-- DropIndex: the escalation pass reads only the index below; with this one there, the planner
-- sometimes scanned every running stage by due date instead.
DROP INDEX "ApplicationStage_escalation_due_idx";
DROP INDEX "ApplicationStage_status_dueAt_idx";

-- AlterTable: each stage's allowance from its application's service version, where the stage
-- sits at its position (stages are made from the definition in order).
ALTER TABLE "ApplicationStage" ADD COLUMN     "deadlineWorkingDays" INTEGER;

UPDATE "ApplicationStage" s
   SET "deadlineWorkingDays" = coalesce((v.definition->'stages'->s.position->>'deadlineWorkingDays')::int, v."deadlineWorkingDays")
  FROM "Application" a JOIN "ServiceVersion" v ON v.id = a."serviceVersionId"
 WHERE a.id = s."applicationId";

ALTER TABLE "ApplicationStage" ALTER COLUMN "deadlineWorkingDays" SET NOT NULL;

-- CreateIndex
CREATE INDEX "ApplicationStage_escalation_due_idx" ON "ApplicationStage"("escalatedLevel", "deadlineWorkingDays", "dueAt", "id") WHERE (status = 'active' AND "pausedAt" IS NULL AND "escalatedLevel" < 150);
