import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";
import { controlProps, FieldError, FieldFrame, fieldId } from "./Field";

type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
};

/** A labelled textarea, styled and wired like Field. */
export function TextAreaField({ name, label, error, hint, className = "", required, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame name={name} label={label} error={error} hint={hint} required={required} className={className}>
      <textarea
        {...controlProps(name, { error, hint, required })}
        className={`mt-1 block w-full rounded-lg border-2 bg-white px-3 py-2.5 ${error ? "border-red-700" : "border-slate-400"}`}
        {...textarea}
      />
    </FieldFrame>
  );
}

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & {
  name: string;
  label: ReactNode;
  error?: string;
};

/** A checkbox with its label beside it and its error below. */
export function CheckboxField({ name, label, error, className = "", ...input }: CheckboxFieldProps) {
  const id = fieldId(name);
  return (
    <div className={className}>
      <div className="flex items-start gap-3">
        <input
          id={id}
          name={name}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="mt-0.5 h-6 w-6 shrink-0 accent-brand-blue"
          {...input}
        />
        <label htmlFor={id} className="text-slate-900">
          {label}
        </label>
      </div>
      <FieldError name={name} error={error} />
    </div>
  );
}

/**
 * The honeypot: a field people never see or reach (off-screen, aria-hidden, no tab stop),
 * which form-filling bots fill in. The backend ignores any post where it is not empty.
 */
export function Honeypot({ defaultValue }: { defaultValue?: string }) {
  return (
    <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
      <label htmlFor="field-website">Laat dit veld leeg</label>
      <input id="field-website" type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue={defaultValue ?? ""} />
    </div>
  );
}
