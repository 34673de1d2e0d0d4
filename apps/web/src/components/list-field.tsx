import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button } from './button.tsx';
import { FieldError } from './form-field.tsx';

interface ListFieldProps {
  legend: string;
  hint?: ReactNode;
  items: string[];
  onItemsChange: (items: string[]) => void;
  /** Accessible label of row i, e.g. "Network adapter 2 friendly name". */
  itemLabel: (index: number) => string;
  /** Accessible name of row i's remove button, e.g. "Remove network adapter 2". */
  removeLabel: (index: number) => string;
  addLabel: string;
  emptyText: string;
  placeholder?: string;
  /** Errors for each row, keyed by index, and one for the whole list. */
  itemErrors?: Record<number, string | undefined>;
  error?: string;
  maxItems?: number;
}

/** Rows of text inputs the user can add and remove (network adapters, license keys). */
export function ListField({ legend, hint, items, onItemsChange, itemLabel, removeLabel, addLabel, emptyText, placeholder, itemErrors = {}, error, maxItems = 32 }: ListFieldProps) {
  const id = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  useEffect(() => {
    if (focusIndex === null) return;
    const inputs = listRef.current?.querySelectorAll<HTMLInputElement>('input');
    if (inputs && inputs.length > 0) inputs[Math.min(focusIndex, inputs.length - 1)]?.focus();
    else addRef.current?.focus();
    setFocusIndex(null);
  }, [focusIndex]);

  const update = (index: number, value: string) => onItemsChange(items.map((item, i) => (i === index ? value : item)));
  const remove = (index: number) => {
    onItemsChange(items.filter((_, i) => i !== index));
    setFocusIndex(index > 0 ? index - 1 : 0);
  };
  const add = () => {
    onItemsChange([...items, '']);
    setFocusIndex(items.length);
  };

  return (
    <fieldset className="field fieldset" aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || undefined}>
      <legend className="field-label">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {items.length === 0 ? <p className="list-field-empty">{emptyText}</p> : null}
      <ul className="list-field" ref={listRef}>
        {items.map((item, index) => {
          const rowId = `${id}-row-${index}`;
          const rowError = itemErrors[index];
          return (
            <li key={index} className={rowError ? 'list-field-row field-invalid' : 'list-field-row'}>
              <label htmlFor={rowId} className="visually-hidden">
                {itemLabel(index)}
              </label>
              <input
                id={rowId}
                className="input"
                value={item}
                placeholder={placeholder}
                onChange={(event) => update(index, event.target.value)}
                aria-invalid={rowError ? true : undefined}
                aria-describedby={rowError ? `${rowId}-error` : undefined}
              />
              <Button variant="ghost" onClick={() => remove(index)} aria-label={removeLabel(index)}>
                Remove
              </Button>
              <FieldError id={`${rowId}-error`} message={rowError} />
            </li>
          );
        })}
      </ul>
      <Button ref={addRef} onClick={add} disabled={items.length >= maxItems}>
        {addLabel}
      </Button>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
