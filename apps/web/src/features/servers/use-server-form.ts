import { useCallback, useState } from 'react';
import type { FieldErrors } from '../../lib/form-errors.ts';
import type { ServerFormValues } from './server-form-values.ts';

/** Form state for server properties; editing a field clears its message (and its rows' messages). */
export function useServerForm(initial: () => ServerFormValues) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const setField = useCallback(<K extends keyof ServerFormValues>(field: K, value: ServerFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      const next: FieldErrors = {};
      for (const [key, message] of Object.entries(current)) {
        if (key !== field && !key.startsWith(`${String(field)}.`)) next[key] = message;
      }
      return next;
    });
  }, []);

  return { values, setValues, errors, setErrors, setField };
}
