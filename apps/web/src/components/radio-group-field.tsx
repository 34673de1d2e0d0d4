import { useId, type ReactNode } from 'react';
import { FieldError } from './form-field.tsx';

export interface RadioOption<T extends string> {
  value: T;
  label: string;
  hint?: ReactNode;
  /** Greyed out, with the reason shown under it and read with it. */
  disabledReason?: string | null;
  isDisabled?: boolean;
  /** More about the option (e.g. what it means now), read as part of its description. */
  details?: ReactNode;
}

interface RadioGroupFieldProps<T extends string> {
  legend: ReactNode;
  name: string;
  value: T | null;
  onValueChange: (value: T) => void;
  options: ReadonlyArray<RadioOption<T>>;
  error?: string;
  hint?: ReactNode;
}

export function RadioGroupField<T extends string>({ legend, name, value, onValueChange, options, error, hint }: RadioGroupFieldProps<T>) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || undefined;
  return (
    <fieldset className="field fieldset" aria-describedby={describedBy}>
      <legend className="field-label">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className="radio-options">
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          const isDisabled = option.isDisabled ?? false;
          const parts = [option.hint ? `${optionId}-hint` : '', option.details ? `${optionId}-details` : '', isDisabled ? `${optionId}-reason` : ''];
          return (
            <div key={option.value} className={isDisabled ? 'radio-option radio-option-disabled' : 'radio-option'}>
              <input
                type="radio"
                id={optionId}
                name={name}
                value={option.value}
                checked={value === option.value}
                disabled={isDisabled}
                onChange={() => onValueChange(option.value)}
                aria-describedby={parts.join(' ').trim() || undefined}
              />
              <label htmlFor={optionId}>{option.label}</label>
              {isDisabled ? (
                <p id={`${optionId}-reason`} className="field-hint option-reason">
                  Not available: {option.disabledReason ?? 'not offered now.'}
                </p>
              ) : null}
              {option.hint ? (
                <p id={`${optionId}-hint`} className="field-hint">
                  {option.hint}
                </p>
              ) : null}
              {option.details ? (
                <div id={`${optionId}-details`} className="option-details">
                  {option.details}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
