import { useId, type ReactNode } from 'react';
import { FieldError } from './form-field.tsx';

interface RadioGroupFieldProps<T extends string> {
  legend: ReactNode;
  name: string;
  value: T;
  onValueChange: (value: T) => void;
  options: ReadonlyArray<{ value: T; label: string; hint?: string }>;
  error?: string;
}

export function RadioGroupField<T extends string>({ legend, name, value, onValueChange, options, error }: RadioGroupFieldProps<T>) {
  const id = useId();
  return (
    <fieldset className="field fieldset" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field-label">{legend}</legend>
      <div className="radio-options">
        {options.map((option) => (
          <div key={option.value} className="radio-option">
            <input
              type="radio"
              id={`${id}-${option.value}`}
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onValueChange(option.value)}
              aria-describedby={option.hint ? `${id}-${option.value}-hint` : undefined}
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
            {option.hint ? (
              <p id={`${id}-${option.value}-hint`} className="field-hint">
                {option.hint}
              </p>
            ) : null}
          </div>
        ))}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
