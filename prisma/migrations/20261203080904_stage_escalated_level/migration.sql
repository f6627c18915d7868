-- AlterTable
ALTER TABLE "ApplicationStage" ADD COLUMN     "escalatedLevel" INTEGER NOT NULL DEFAULT 0;

-- Backfill: the highest level already written for each stage.
UPDATE "ApplicationStage" s SET "escalatedLevel" = e.level
  FROM (SELECT "stageId", max(level) AS level FROM "StageEscalation" GROUP BY "stageId") e
 WHERE e."stageId" = s.id;

-- CreateIndex
CREATE INDEX "ApplicationStage_escalation_due_idx" ON "ApplicationStage"("escalatedLevel", "dueAt", "id") WHERE (status = 'active' AND "pausedAt" IS NULL AND "escalatedLevel" < 150);
