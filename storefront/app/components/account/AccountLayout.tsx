import type { ReactNode } from "react";
import { Breadcrumbs, type Crumb } from "../Breadcrumbs";
import { PAGE_TITLE } from "~/components/PageTitle";

/** The frame of the account pages: breadcrumbs, heading, intro and a narrow column. */
export function AccountLayout({
  title,
  intro,
  crumbs,
  wide = false,
  children,
}: {
  title: string;
  intro?: ReactNode;
  crumbs: Crumb[];
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <div className="border-b border-slate-200 bg-brand-blue-light">
        <div className="mx-auto max-w-6xl px-4 pt-6 pb-8">
          <Breadcrumbs items={crumbs} />
          <h1 className={`mt-6 text-balance sm:text-4xl ${PAGE_TITLE}`}>{title}</h1>
          {intro ? <div className="mt-3 max-w-2xl text-lg text-slate-700">{intro}</div> : null}
        </div>
      </div>
      <div className={`mx-auto px-4 py-10 ${wide ? "max-w-6xl" : "max-w-xl"}`}>{children}</div>
    </>
  );
}

/** A form-level message (not about one field): errors are announced, confirmations are polite. */
export function FormMessage({ kind, children }: { kind: "error" | "info"; children: ReactNode }) {
  return kind === "error" ? (
    <div role="alert" data-testid="form-error" className="rounded-lg border-l-4 border-red-700 bg-red-50 p-4 font-semibold text-red-900">
      {children}
    </div>
  ) : (
    <div role="status" data-testid="form-info" className="rounded-lg border-l-4 border-brand-blue bg-brand-blue-light p-4 text-slate-900">
      {children}
    </div>
  );
}
