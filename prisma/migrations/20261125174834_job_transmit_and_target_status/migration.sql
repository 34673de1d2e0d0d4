-- AlterTable
ALTER TABLE "jobs" ADD COLUMN     "mirrorStatus" TEXT,
ADD COLUMN     "pendingChanges" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sentBytes" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "sentOps" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "targetDataStateDetail" TEXT,
ADD COLUMN     "targetDataStateReason" TEXT,
ADD COLUMN     "targetStatus" TEXT,
ADD COLUMN     "transmitError" TEXT;
