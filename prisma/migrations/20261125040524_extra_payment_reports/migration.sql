-- CreateTable
CREATE TABLE "ExtraPaymentReport" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "reporterId" UUID NOT NULL,
    "amountRiel" INTEGER,
    "description" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handledAt" TIMESTAMP(3),
    "handledById" UUID,

    CONSTRAINT "ExtraPaymentReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExtraPaymentReport_handledAt_createdAt_idx" ON "ExtraPaymentReport"("handledAt", "createdAt");

-- AddForeignKey
ALTER TABLE "ExtraPaymentReport" ADD CONSTRAINT "ExtraPaymentReport_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtraPaymentReport" ADD CONSTRAINT "ExtraPaymentReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtraPaymentReport" ADD CONSTRAINT "ExtraPaymentReport_handledById_fkey" FOREIGN KEY ("handledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
