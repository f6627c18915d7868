-- CreateEnum
CREATE TYPE "LicenceStatus" AS ENUM ('valid', 'revoked');

-- CreateTable
CREATE TABLE "Licence" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "applicationId" UUID NOT NULL,
    "holderName" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validFrom" DATE NOT NULL,
    "validUntil" DATE,
    "signedFields" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "status" "LicenceStatus" NOT NULL DEFAULT 'valid',
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,

    CONSTRAINT "Licence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Licence_number_key" ON "Licence"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Licence_applicationId_key" ON "Licence"("applicationId");

-- AddForeignKey
ALTER TABLE "Licence" ADD CONSTRAINT "Licence_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
