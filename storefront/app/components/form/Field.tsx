import type { InputHTMLAttributes, ReactNode } from "react";

/** The id of a field's input; error summaries link to it. */
export const fieldId = (name: string) => `field-${name}`;

/** aria-describedby for a field with an optional hint and error. */
export function describedBy(name: string, hint: boolean, error: boolean): string | undefined {
  const id = fieldId(name);
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A field's error message, announced with the input through aria-describedby. */
export function FieldError({ name, error }: { name: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${fieldId(name)}-error`} data-testid={`error-${name}`} className="mt-1 text-sm font-semibold text-red-800">
      {error}
    </p>
  );
}

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
};

type FieldFrameProps = { name: string; label: string; error?: string; hint?: ReactNode; required?: boolean; className?: string; children: ReactNode };

/** Label, optional hint, the control (children) and its error: the frame every text control shares. */
export function FieldFrame({ name, label, error, hint, required, className = "", children }: FieldFrameProps) {
  const id = fieldId(name);
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-semibold text-slate-900">
        {label}
        {required ? null : <span className="font-normal text-slate-700"> (optioneel)</span>}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError name={name} error={error} />
    </div>
  );
}

/** The id, name and ARIA wiring of a control inside a FieldFrame. */
export function controlProps(name: string, { error, hint, required }: { error?: string; hint?: ReactNode; required?: boolean }) {
  return {
    id: fieldId(name),
    name,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(name, Boolean(hint), Boolean(error)),
  };
}

/** A labelled input whose error is announced with it (aria-describedby, aria-invalid). */
export function Field({ name, label, error, hint, className = "", required, ...input }: FieldProps) {
  return (
    <FieldFrame name={name} label={label} error={error} hint={hint} required={required} className={className}>
      <input
        {...controlProps(name, { error, hint, required })}
        className={`mt-1 w-full rounded-lg border-2 px-3 py-2.5 ${error ? "border-red-700" : "border-slate-400"}`}
        {...input}
      />
    </FieldFrame>
  );
}
