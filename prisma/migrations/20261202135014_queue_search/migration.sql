-- The staff queue searches applicants' names and references by any part (lib/workflow/queue.ts):
-- trigram indexes answer ILIKE '%part%'. pg_trgm is a trusted extension: the database owner may create it.

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "User_name_trgm_idx" ON "User" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Application_reference_trgm_idx" ON "Application" USING GIN ("reference" gin_trgm_ops);
