-- CreateIndex
CREATE INDEX "Application_organisationId_stageDueAt_id_idx" ON "Application"("organisationId", "stageDueAt", "id");
