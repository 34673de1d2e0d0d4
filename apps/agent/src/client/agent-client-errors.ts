/** The agent answered with an error (`{error: {code, message, details}}`). */
export class AgentRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** No answer: the machine is off, rebooting, disconnected, or the agent is not running. */
export class AgentUnreachableError extends Error {}

/** A step ran and failed; `code` and `details` come from the agent (e.g. `conflict` with the open files). */
export class AgentStepFailedError extends Error {
  constructor(
    readonly stepId: string,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
