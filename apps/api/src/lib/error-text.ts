/** An error's message for a log line, an audit reason or a user-facing note (never a stack). */
export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
