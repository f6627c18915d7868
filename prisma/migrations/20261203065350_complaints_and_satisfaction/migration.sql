-- CreateEnum
CREATE TYPE "ComplaintKind" AS ENUM ('delay', 'money', 'conduct', 'wrong_decision');

-- CreateTable
CREATE TABLE "Complaint" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "complainantId" UUID NOT NULL,
    "organisationId" UUID,
    "applicationId" UUID,
    "departmentId" UUID,
    "kind" "ComplaintKind" NOT NULL,
    "description" TEXT NOT NULL,
    "amountRiel" INTEGER,
    "locale" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "answeredById" UUID,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SatisfactionRating" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "raterId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SatisfactionRating_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_reference_key" ON "Complaint"("reference");

-- CreateIndex
CREATE INDEX "Complaint_answeredAt_dueAt_idx" ON "Complaint"("answeredAt", "dueAt");

-- CreateIndex
CREATE INDEX "Complaint_complainantId_createdAt_idx" ON "Complaint"("complainantId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Complaint_organisationId_createdAt_idx" ON "Complaint"("organisationId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Complaint_departmentId_createdAt_idx" ON "Complaint"("departmentId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SatisfactionRating_applicationId_key" ON "SatisfactionRating"("applicationId");

-- CreateIndex
CREATE INDEX "SatisfactionRating_serviceId_createdAt_idx" ON "SatisfactionRating"("serviceId", "createdAt");

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_complainantId_fkey" FOREIGN KEY ("complainantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SatisfactionRating" ADD CONSTRAINT "SatisfactionRating_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SatisfactionRating" ADD CONSTRAINT "SatisfactionRating_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SatisfactionRating" ADD CONSTRAINT "SatisfactionRating_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The "someone asked me for extra money" reports join the complaints channel: each becomes a
-- complaint of kind "money" to the General Inspectorate, numbered CMP-<year>-<n> in the order
-- filed (the year is Phnom Penh's, as lib/numbering counts), due 15 working days after filing
-- (weekends and the Holiday table skipped, ending at midnight in Phnom Penh, as lib/deadlines
-- counts). A report the auditors had marked handled comes over as answered, without a text.
WITH numbered AS (
    SELECT r.*,
           EXTRACT(YEAR FROM (r."createdAt" + INTERVAL '7 hours'))::int AS year,
           ROW_NUMBER() OVER (PARTITION BY EXTRACT(YEAR FROM (r."createdAt" + INTERVAL '7 hours')) ORDER BY r."createdAt", r.id) AS n
    FROM "ExtraPaymentReport" r
)
INSERT INTO "Complaint" ("id", "reference", "complainantId", "organisationId", "applicationId", "departmentId", "kind", "description", "amountRiel", "locale", "createdAt", "dueAt", "answeredAt", "answeredById")
SELECT n.id,
       'CMP-' || n.year || '-' || LPAD(n.n::text, 6, '0'),
       n."reporterId",
       a."organisationId",
       n."applicationId",
       COALESCE(a."currentDepartmentId", (SELECT s."departmentId" FROM "ApplicationStage" s WHERE s."applicationId" = a.id AND s."startedAt" IS NOT NULL ORDER BY s.position DESC LIMIT 1)),
       'money',
       n.description,
       n."amountRiel",
       u.locale,
       n."createdAt",
       (SELECT (d::date + 1)::timestamp - INTERVAL '7 hours' - INTERVAL '1 millisecond'
          FROM generate_series((n."createdAt" + INTERVAL '7 hours')::date + 1, (n."createdAt" + INTERVAL '7 hours')::date + 90, INTERVAL '1 day') d
         WHERE EXTRACT(ISODOW FROM d) < 6 AND d::date NOT IN (SELECT h.date FROM "Holiday" h)
         ORDER BY d OFFSET 14 LIMIT 1),
       n."handledAt",
       n."handledById"
FROM numbered n
JOIN "Application" a ON a.id = n."applicationId"
JOIN "User" u ON u.id = n."reporterId";

INSERT INTO "ReferenceCounter" ("prefix", "year", "last")
SELECT 'CMP', EXTRACT(YEAR FROM ("createdAt" + INTERVAL '7 hours'))::int, COUNT(*)
FROM "ExtraPaymentReport" GROUP BY 2
ON CONFLICT ("prefix", "year") DO UPDATE SET "last" = GREATEST("ReferenceCounter"."last", EXCLUDED."last");

-- DropForeignKey
ALTER TABLE "ExtraPaymentReport" DROP CONSTRAINT "ExtraPaymentReport_applicationId_fkey";

-- DropForeignKey
ALTER TABLE "ExtraPaymentReport" DROP CONSTRAINT "ExtraPaymentReport_reporterId_fkey";

-- DropForeignKey
ALTER TABLE "ExtraPaymentReport" DROP CONSTRAINT "ExtraPaymentReport_handledById_fkey";

-- DropTable
DROP TABLE "ExtraPaymentReport";
