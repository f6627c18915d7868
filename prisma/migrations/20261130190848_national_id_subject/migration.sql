-- AlterTable
ALTER TABLE "User" ADD COLUMN     "nationalIdSubject" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "User_nationalIdSubject_key" ON "User"("nationalIdSubject");
