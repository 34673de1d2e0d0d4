-- AlterTable
ALTER TABLE "jobs" ADD COLUMN     "activity" TEXT,
ADD COLUMN     "conditionMetAt" TIMESTAMPTZ(3),
ADD COLUMN     "directories" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "isReversed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lagMs" INTEGER,
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "lastSnapshotAt" TIMESTAMPTZ(3),
ADD COLUMN     "mirrorBytes" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "mirrorFiles" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "mirrorPercent" DOUBLE PRECISION,
ADD COLUMN     "options" JSONB NOT NULL,
ADD COLUMN     "queueBytes" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "queueOps" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "replicaRoot" TEXT,
ADD COLUMN     "reversePhase" TEXT,
ADD COLUMN     "targetDataState" TEXT NOT NULL DEFAULT 'unknown',
ADD COLUMN     "testServerId" UUID;

-- AlterTable
ALTER TABLE "servers" ADD COLUMN     "hostName" TEXT,
ADD COLUMN     "machineId" TEXT;

-- CreateTable
CREATE TABLE "operations" (
    "id" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "activeJobId" UUID,
    "options" JSONB NOT NULL,
    "fromState" TEXT NOT NULL,
    "runningState" TEXT NOT NULL,
    "toState" TEXT,
    "actorId" UUID,
    "actorName" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "error" TEXT,
    "result" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "operations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operation_steps" (
    "id" UUID NOT NULL,
    "operationId" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "machine" TEXT NOT NULL,
    "serverId" UUID,
    "command" TEXT NOT NULL,
    "phase" TEXT,
    "isBestEffort" BOOLEAN NOT NULL DEFAULT false,
    "args" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "error" TEXT,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "operation_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_transitions" (
    "id" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "fromState" TEXT NOT NULL,
    "toState" TEXT,
    "trigger" TEXT NOT NULL,
    "operationId" UUID,
    "actorName" TEXT NOT NULL,
    "isValid" BOOLEAN NOT NULL,
    "error" TEXT,
    "options" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "snapshots" (
    "id" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "agentSnapshotId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "takenAt" TIMESTAMPTZ(3) NOT NULL,
    "isGood" BOOLEAN NOT NULL,
    "reason" TEXT,
    "files" INTEGER NOT NULL DEFAULT 0,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "isTestSnapshot" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "jobId" UUID,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgedById" UUID,
    "acknowledgedByName" TEXT,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "events" (
    "seq" BIGINT NOT NULL,
    "type" TEXT NOT NULL,
    "jobId" UUID,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "events_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "event_head" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "seq" BIGINT NOT NULL,

    CONSTRAINT "event_head_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "operations_activeJobId_key" ON "operations"("activeJobId");

-- CreateIndex
CREATE INDEX "operations_jobId_createdAt_idx" ON "operations"("jobId", "createdAt");

-- CreateIndex
CREATE INDEX "operations_status_idx" ON "operations"("status");

-- CreateIndex
CREATE UNIQUE INDEX "operations_jobId_idempotencyKey_key" ON "operations"("jobId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "operation_steps_operationId_index_key" ON "operation_steps"("operationId", "index");

-- CreateIndex
CREATE INDEX "job_transitions_jobId_createdAt_idx" ON "job_transitions"("jobId", "createdAt");

-- CreateIndex
CREATE INDEX "snapshots_jobId_takenAt_idx" ON "snapshots"("jobId", "takenAt");

-- CreateIndex
CREATE UNIQUE INDEX "snapshots_jobId_agentSnapshotId_key" ON "snapshots"("jobId", "agentSnapshotId");

-- CreateIndex
CREATE INDEX "notifications_acknowledgedAt_idx" ON "notifications"("acknowledgedAt");

-- CreateIndex
CREATE INDEX "events_createdAt_idx" ON "events"("createdAt");

-- CreateIndex
CREATE INDEX "jobs_testServerId_idx" ON "jobs"("testServerId");

-- CreateIndex
CREATE INDEX "jobs_state_idx" ON "jobs"("state");

-- AddForeignKey
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_testServerId_fkey" FOREIGN KEY ("testServerId") REFERENCES "servers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operations" ADD CONSTRAINT "operations_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operation_steps" ADD CONSTRAINT "operation_steps_operationId_fkey" FOREIGN KEY ("operationId") REFERENCES "operations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_transitions" ADD CONSTRAINT "job_transitions_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
