-- AlterTable
ALTER TABLE "ApplicationEvent" ADD COLUMN     "chainPosition" BIGINT,
ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationEvent_chainPosition_key" ON "ApplicationEvent"("chainPosition");

-- The hash chain of the audit trail. The hash of every event covers its fields and the hash of the
-- event before it; lib/audit/verify-chain.ts recomputes it (keep the two in step).
CREATE FUNCTION audit_event_hash(e "ApplicationEvent") RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(chr(31),
    e."chainPosition"::text, e."applicationId"::text, coalesce(e."actorId"::text, ''), coalesce(e."actorRole"::text, ''),
    coalesce(e."departmentId"::text, ''), e.type, e.visibility::text, coalesce(e."fromStatus"::text, ''),
    coalesce(e."toStatus"::text, ''), e.data::text, to_char(e."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS'), e."prevHash"
  ), 'UTF8')), 'hex')
$$;

-- Existing events join the chain in the order they were written.
DO $$
DECLARE
  event_id bigint;
  previous text := repeat('0', 64);
  position bigint := 0;
BEGIN
  FOR event_id IN SELECT id FROM "ApplicationEvent" ORDER BY id LOOP
    position := position + 1;
    UPDATE "ApplicationEvent" SET "chainPosition" = position, "prevHash" = previous WHERE id = event_id;
    UPDATE "ApplicationEvent" e SET hash = audit_event_hash(e) WHERE id = event_id RETURNING hash INTO previous;
  END LOOP;
END $$;

-- New events are appended one at a time: the lock is held until the inserting transaction
-- ends, so the next event always sees the last committed one.
CREATE FUNCTION audit_event_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_position bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('ApplicationEvent chain'));
  SELECT "chainPosition", hash INTO last_position, last_hash
    FROM "ApplicationEvent" WHERE "chainPosition" IS NOT NULL ORDER BY "chainPosition" DESC LIMIT 1;
  NEW."chainPosition" := coalesce(last_position, 0) + 1;
  NEW."prevHash" := coalesce(last_hash, repeat('0', 64));
  NEW.hash := audit_event_hash(NEW);
  RETURN NEW;
END $$;

CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_event_append BEFORE INSERT ON "ApplicationEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append();
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON "ApplicationEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "ApplicationEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
