-- States, operation kinds, operation and step statuses become enums, in the product's spelling (the
-- values the columns already hold); job types take that spelling too. Hand-written: Prisma's diff would
-- drop and re-add the columns, losing every row.
CREATE TYPE "JobState" AS ENUM ('protecting', 'failover-condition-met', 'failing-over', 'failed-over', 'test-failing-over', 'test-failed-over', 'undoing-test', 'restoring', 'restored', 'failing-back', 'failed-back', 'reversing', 'starting', 'stopping', 'stopped', 'error');
CREATE TYPE "OperationKind" AS ENUM ('failover', 'test-failover', 'undo-failover', 'restore', 'failback', 'reverse', 'start', 'stop', 'take-snapshot');
CREATE TYPE "OperationStatus" AS ENUM ('pending', 'running', 'succeeded', 'failed');
CREATE TYPE "StepStatus" AS ENUM ('pending', 'running', 'succeeded', 'failed', 'skipped');
ALTER TYPE "JobType" RENAME VALUE 'files_and_folders' TO 'files-and-folders';
ALTER TYPE "JobType" RENAME VALUE 'full_server' TO 'full-server';

ALTER TABLE "jobs" ALTER COLUMN "state" TYPE "JobState" USING "state"::"JobState";
ALTER TABLE "operations"
  ALTER COLUMN "kind" TYPE "OperationKind" USING "kind"::"OperationKind",
  ALTER COLUMN "status" TYPE "OperationStatus" USING "status"::"OperationStatus",
  ALTER COLUMN "fromState" TYPE "JobState" USING "fromState"::"JobState",
  ALTER COLUMN "basisState" TYPE "JobState" USING "basisState"::"JobState",
  ALTER COLUMN "runningState" TYPE "JobState" USING "runningState"::"JobState",
  ALTER COLUMN "toState" TYPE "JobState" USING "toState"::"JobState";
ALTER TABLE "operation_steps" ALTER COLUMN "status" TYPE "StepStatus" USING "status"::"StepStatus";
ALTER TABLE "job_transitions"
  ALTER COLUMN "fromState" TYPE "JobState" USING "fromState"::"JobState",
  ALTER COLUMN "toState" TYPE "JobState" USING "toState"::"JobState";

-- A command's arguments are its "input" (a job's configuration alone is "options"); the warnings shown
-- before the click get their own column.
ALTER TABLE "operations" ADD COLUMN "input" JSONB, ADD COLUMN "warnings" JSONB;
UPDATE "operations" SET "input" = "options" -> 'input', "warnings" = COALESCE("options" -> 'warnings', '[]'::jsonb);
ALTER TABLE "operations" ALTER COLUMN "input" SET NOT NULL, ALTER COLUMN "warnings" SET NOT NULL, DROP COLUMN "options";
ALTER TABLE "job_transitions" RENAME COLUMN "options" TO "input";
-- An edit's transition kept the PATCH body; it keeps the command's input now: the fields changed (the
-- audit record has their values).
UPDATE "job_transitions"
  SET "input" = jsonb_build_object('command', 'edit', 'fields', COALESCE((SELECT jsonb_agg(k) FROM jsonb_object_keys("input") AS k WHERE k <> 'expectedVersion'), '[]'::jsonb))
  WHERE "trigger" = 'edit' AND "input" IS NOT NULL AND jsonb_typeof("input") = 'object' AND NOT ("input" ? 'command');

-- Steps carry their command's name: failover-files, failover-full-server, failback, undo-failover.
UPDATE "operation_steps" SET "command" = CASE "command"
  WHEN 'fail-over-files' THEN 'failover-files'
  WHEN 'fail-over-full-server' THEN 'failover-full-server'
  WHEN 'fail-back' THEN 'failback'
  WHEN 'undo-test-failover' THEN 'undo-failover'
  ELSE "command" END;
