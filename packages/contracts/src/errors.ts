import { z } from 'zod';

/** Any JSON value: what the project writes where the shape depends on the case (error details, audit before/after, step results). */
export const JsonSchema = z.json();
export type Json = z.infer<typeof JsonSchema>;

/** Every error code the API answers with; the API maps each to one HTTP status. */
export const ErrorCodeSchema = z.enum([
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'csrf_rejected',
  'not_found',
  'conflict',
  'rate_limited',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** The one error shape: `{error: {code, message, details?}}`. */
export const ErrorResponseSchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    details: JsonSchema.optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** `details` of a validation_failed error: one entry per bad field. */
export const FieldIssueSchema = z.object({ field: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssueSchema>;
