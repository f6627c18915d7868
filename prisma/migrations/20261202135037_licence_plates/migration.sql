-- AlterTable
ALTER TABLE "Licence" ADD COLUMN     "plateNumber" TEXT,
ADD COLUMN     "plateProvince" TEXT;

-- CreateTable
CREATE TABLE "PlateCounter" (
    "province" TEXT NOT NULL,
    "classDigit" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "PlateCounter_pkey" PRIMARY KEY ("province","classDigit")
);

-- CreateIndex
CREATE UNIQUE INDEX "Licence_plateProvince_plateNumber_key" ON "Licence"("plateProvince", "plateNumber");
