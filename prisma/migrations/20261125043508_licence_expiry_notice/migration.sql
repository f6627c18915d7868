-- AlterTable
ALTER TABLE "Licence" ADD COLUMN     "expiryNoticeAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Licence_status_validUntil_idx" ON "Licence"("status", "validUntil");
