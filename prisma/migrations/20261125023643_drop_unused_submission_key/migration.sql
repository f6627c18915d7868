-- DropIndex
DROP INDEX "Application_submissionKey_key";

-- AlterTable
ALTER TABLE "Application" DROP COLUMN "submissionKey";
