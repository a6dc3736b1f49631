import type { ReactNode } from "react";

interface Option {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

interface GroupProps {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: Option[];
}

function Legend({ id, legend, hint, error }: Omit<GroupProps, "options">) {
  return (
    <>
      <legend className="field__label">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

export function RadioGroup({ id, legend, hint, error, options, value, onChange }: GroupProps & { value: string; onChange: (v: string) => void }) {
  return (
    <fieldset id={id} className={error ? "field fieldset field--error" : "field fieldset"} aria-describedby={describedBy(id, hint, error)}>
      <Legend id={id} legend={legend} hint={hint} error={error} />
      {options.map((o) => (
        <div className="choice" key={o.value}>
          <input type="radio" id={`${id}-${o.value}`} name={id} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          <label htmlFor={`${id}-${o.value}`}>
            {o.label}
            {o.hint && <span className="choice__hint">{o.hint}</span>}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function CheckboxGroup({ id, legend, hint, error, options, values, onChange }: GroupProps & { values: string[]; onChange: (v: string[]) => void }) {
  const toggle = (v: string, on: boolean) => onChange(on ? [...values, v] : values.filter((x) => x !== v));
  return (
    <fieldset id={id} className="field fieldset" aria-describedby={describedBy(id, hint, error)}>
      <Legend id={id} legend={legend} hint={hint} error={error} />
      {options.map((o) => (
        <div className="choice" key={o.value}>
          <input type="checkbox" id={`${id}-${o.value}`} checked={values.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
          <label htmlFor={`${id}-${o.value}`}>
            {o.label}
            {o.hint && <span className="choice__hint">{o.hint}</span>}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function Checkbox({ id, label, hint, checked, onChange }: { id: string; label: ReactNode; hint?: ReactNode; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div className="choice">
      <input type="checkbox" id={id} checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>
        {label}
        {hint && (
          <span id={`${id}-hint`} className="choice__hint">
            {hint}
          </span>
        )}
      </label>
    </div>
  );
}
