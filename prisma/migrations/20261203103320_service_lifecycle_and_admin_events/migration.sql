-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "retiredAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ServiceVersion" ADD COLUMN     "basedOnVersion" INTEGER,
ADD COLUMN     "changes" JSONB,
ADD COLUMN     "editorIds" UUID[] DEFAULT ARRAY[]::UUID[],
ADD COLUMN     "effectiveFrom" TIMESTAMP(3),
ADD COLUMN     "legalInstrument" JSONB,
ADD COLUMN     "publishedById" UUID;

-- CreateTable
CREATE TABLE "AdminEvent" (
    "id" BIGSERIAL NOT NULL,
    "actorId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdminEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AdminEvent_subject_id_idx" ON "AdminEvent"("subject", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceVersion_one_draft_per_service" ON "ServiceVersion"("serviceId") WHERE ("publishedAt" IS NULL);

-- AddForeignKey
ALTER TABLE "AdminEvent" ADD CONSTRAINT "AdminEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Administrative acts are append-only, like the application and account trails.
CREATE FUNCTION admin_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'administrative events are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER admin_event_append_only BEFORE UPDATE OR DELETE ON "AdminEvent"
  FOR EACH ROW EXECUTE FUNCTION admin_event_refuse_change();
CREATE TRIGGER admin_event_no_truncate BEFORE TRUNCATE ON "AdminEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION admin_event_refuse_change();
