-- AlterTable
ALTER TABLE "Application" DROP COLUMN "accessCodeHash",
ADD COLUMN     "trackingCode" TEXT;

-- CreateTable
CREATE TABLE "ReferenceCounter" (
    "prefix" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "ReferenceCounter_pkey" PRIMARY KEY ("prefix","year")
);
