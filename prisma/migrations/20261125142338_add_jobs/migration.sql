-- CreateEnum
CREATE TYPE "JobType" AS ENUM ('files_and_folders', 'full_server');

-- CreateTable
CREATE TABLE "jobs" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" "JobType" NOT NULL,
    "sourceServerId" UUID NOT NULL,
    "targetServerId" UUID NOT NULL,
    "state" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "jobs_name_key" ON "jobs"("name");

-- CreateIndex
CREATE INDEX "jobs_sourceServerId_idx" ON "jobs"("sourceServerId");

-- CreateIndex
CREATE INDEX "jobs_targetServerId_idx" ON "jobs"("targetServerId");

-- AddForeignKey
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_sourceServerId_fkey" FOREIGN KEY ("sourceServerId") REFERENCES "servers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_targetServerId_fkey" FOREIGN KEY ("targetServerId") REFERENCES "servers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
