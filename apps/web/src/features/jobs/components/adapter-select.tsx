import { SelectField, TextField } from '../../../components/form-field.tsx';

interface AdapterSelectProps {
  label: string;
  adapters: string[];
  value: string;
  onValueChange: (v: string) => void;
  error?: string;
  hint?: string;
}

/** A network adapter of a server by its friendly name: a list when the server reported them, else free text. */
export function AdapterSelect({ label, adapters, value, onValueChange, error, hint }: AdapterSelectProps) {
  if (adapters.length === 0) return <TextField label={label} value={value} onValueChange={onValueChange} error={error} hint={hint} />;
  const options = [{ value: '', label: 'Not set' }, ...adapters.map((a) => ({ value: a, label: a }))];
  if (value && !adapters.includes(value)) options.push({ value, label: `${value} (not an adapter of this server)` });
  return <SelectField label={label} value={value} onValueChange={onValueChange} options={options} error={error} hint={hint} />;
}
