-- CreateTable
CREATE TABLE "StageEscalation" (
    "id" UUID NOT NULL,
    "stageId" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "departmentId" UUID NOT NULL,
    "level" INTEGER NOT NULL,
    "reachedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "told" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StageEscalation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditHead" (
    "day" DATE NOT NULL,
    "position" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditHead_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE INDEX "StageEscalation_departmentId_createdAt_idx" ON "StageEscalation"("departmentId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "StageEscalation_stageId_level_key" ON "StageEscalation"("stageId", "level");

-- CreateIndex
CREATE INDEX "AuditHead_hash_idx" ON "AuditHead"("hash");

-- AddForeignKey
ALTER TABLE "StageEscalation" ADD CONSTRAINT "StageEscalation_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "ApplicationStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A published head is never changed or removed: whoever saved it must find it as it was.
CREATE FUNCTION audit_head_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'published audit heads are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_head_append_only BEFORE UPDATE OR DELETE ON "AuditHead"
  FOR EACH ROW EXECUTE FUNCTION audit_head_refuse_change();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON "AuditHead"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_head_refuse_change();
-- CreateIndex
CREATE INDEX "ApplicationStage_status_dueAt_idx" ON "ApplicationStage"("status", "dueAt");
