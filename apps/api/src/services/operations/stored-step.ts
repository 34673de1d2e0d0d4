import { AgentStepResultSchemas, type AgentStepCommandName } from '@syncsafe/contracts';
import type { OperationStep } from '@syncsafe/db';
import { z } from 'zod';

/**
 * What the plan stored with a step's args besides the command's own (see submit-command): its
 * description, whether its result is the operation's report, and the step whose result it consumes.
 */
const StoredArgsSchema = z
  .object({
    description: z.string().nullish(),
    keepsReport: z.boolean().default(false),
    consumes: z.string().nullish(),
  })
  .catchall(z.unknown());

export function isStepCommandName(name: string): name is AgentStepCommandName {
  return Object.hasOwn(AgentStepResultSchemas, name);
}

/** A persisted step, read back typed: the command's name, its static args, and the plan's fields. */
export interface StoredStep<C extends AgentStepCommandName = AgentStepCommandName> {
  row: OperationStep;
  command: C;
  /** The domain's static args of the command (what the agent gets besides what the API completes). */
  args: Record<string, unknown>;
  description: string | null;
  keepsReport: boolean;
  consumes: string | null;
}

export function readStoredStep(row: OperationStep): StoredStep {
  const { command } = row;
  if (!isStepCommandName(command)) throw new Error(`step ${row.key} has an unknown command ${command}`);
  const { description, keepsReport, consumes, ...args } = StoredArgsSchema.parse(row.args ?? {});
  return { row, command, args, description: description ?? null, keepsReport, consumes: consumes ?? null };
}

/** A step's description for the operation's step list, or null when its args hold none. */
export function storedDescription(row: OperationStep): string | null {
  const parsed = StoredArgsSchema.safeParse(row.args ?? {});
  return parsed.success ? (parsed.data.description ?? null) : null;
}

