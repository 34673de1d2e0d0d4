import { z } from 'zod';

/** Ids chosen by the console (job ids, step ids) end up in file names on the agent: keep them plain. */
export const AgentIdSchema = z
  .string()
  .min(1, 'Id is required')
  .max(128, 'Id is at most 128 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'Id uses letters, digits and . _ : - only');

export const AgentJobIdSchema = AgentIdSchema;
export const AgentStepIdSchema = AgentIdSchema;

/** Milliseconds since the epoch, as the agent's clock saw it. */
export const AgentTimestampSchema = z.number().int().nonnegative();

/** An absolute, normalised POSIX path on the machine that owns it (no `.`/`..` segments, no trailing slash). */
export const AgentAbsolutePathSchema = z
  .string()
  .min(1, 'Path is required')
  .max(4096)
  .refine((p) => p.startsWith('/'), { message: 'Path must be absolute' })
  .refine((p) => !p.includes('\0'), { message: 'Path must not contain NUL' })
  .refine((p) => p === '/' || p.split('/').slice(1).every((s) => s !== '' && s !== '.' && s !== '..'), {
    message: 'Path must be normalised (no empty, "." or ".." segments, no trailing slash)',
  });
