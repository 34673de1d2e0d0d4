export type FieldErrors = Record<string, string>;

/** The part of a zod error we read; kept structural so the console needs no direct zod dependency. */
interface SchemaIssues {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;
}

/** One message per field path (`port`, `networkAdapters.1`), the first zod reports; '' keys a form-wide issue. */
export function toFieldErrors(error: SchemaIssues): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

/** Moves keyboard focus to the first field reported invalid, so the user lands where the fix is needed. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  field?.focus();
}
