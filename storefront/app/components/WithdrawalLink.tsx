import { Link } from "@remix-run/react";
import { WITHDRAWAL_LINK } from "~/lib/site";

/**
 * The clearly labelled way into the withdrawal function (/herroepen), as a button-styled
 * link: the directive asks for a function that is prominently displayed, so the returns
 * page and the FAQ show it before they mention e-mail.
 */
export function WithdrawalLink({
  orderNumber,
  email,
  className = "",
}: {
  /** Prefills the form (the order page and the confirmation mail know both). */
  orderNumber?: number | string;
  email?: string | null;
  className?: string;
}) {
  const params = new URLSearchParams();
  if (orderNumber) params.set("bestelling", String(orderNumber));
  if (email) params.set("email", email);
  const to = params.size ? `${WITHDRAWAL_LINK.to}?${params}` : WITHDRAWAL_LINK.to;
  return (
    <Link
      to={to}
      data-testid="withdrawal-link"
      className={`inline-flex items-center justify-center gap-2 rounded-lg bg-brand-blue px-5 py-3 font-semibold text-white hover:bg-brand-blue-dark ${className}`}
    >
      {WITHDRAWAL_LINK.label}
    </Link>
  );
}
