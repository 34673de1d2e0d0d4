-- AlterTable
ALTER TABLE "jobs" ADD COLUMN     "applyBytesPerSecond" DOUBLE PRECISION,
ADD COLUMN     "lastRestoreServerId" UUID;

-- AlterTable
ALTER TABLE "operations" ADD COLUMN     "basisState" TEXT NOT NULL;
