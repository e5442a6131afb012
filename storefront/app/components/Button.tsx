import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "bg-brand-blue text-white hover:bg-brand-blue-dark disabled:bg-slate-400",
  secondary: "border-2 border-brand-blue bg-white text-brand-blue hover:bg-brand-blue-light disabled:border-slate-300 disabled:text-slate-500",
  link: "text-brand-blue underline underline-offset-2 hover:no-underline px-0 py-0",
} as const;

/** The shop's one button style. */
export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS }) {
  return (
    <button
      {...props}
      className={`inline-flex items-center justify-center gap-2 rounded-lg px-5 py-3 font-semibold disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`}
    />
  );
}
