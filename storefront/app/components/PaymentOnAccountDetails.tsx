import type { PaymentOnAccount } from "~/lib/checkout/checkout.server";
import { formatDate, formatMoney } from "~/lib/format";

/**
 * "Betalen op rekening": everything needed for the bank transfer, right after ordering
 * (the same details are in the confirmation e-mail and on the attached invoice). The
 * reference is the order number, so staff can match the transfer.
 */
export function PaymentOnAccountDetails({ payment }: { payment: PaymentOnAccount }) {
  const rows: [string, string, string][] = [
    ["Bedrag", formatMoney(payment.amount, payment.currency_code), "amount"],
    ["IBAN", payment.iban, "iban"],
    ["Ten name van", payment.account_name, "account-name"],
    ["Omschrijving (betalingskenmerk)", payment.reference, "reference"],
    ["Uiterlijk betalen op", formatDate(payment.due_at), "due-date"],
  ];
  return (
    <section
      aria-labelledby="overmaken"
      data-testid="payment-on-account"
      className="mt-6 rounded-xl border-l-4 border-brand-blue bg-brand-blue-light p-5 text-slate-900"
    >
      <h2 id="overmaken" className="text-lg font-bold">
        Maak het bedrag over
      </h2>
      <p className="mt-1">
        Je betaalt op rekening. Maak het bedrag over met deze gegevens; de factuur staat ook in de bevestigingsmail. We
        versturen je bestelling zodra je betaling binnen is.
      </p>
      {/* Label above value on a phone: side by side, the long labels left the values a
          few characters wide, and an IBAN must be readable at a glance. */}
      <dl className="mt-3 grid grid-cols-1 gap-y-1 sm:grid-cols-[auto_minmax(0,1fr)] sm:gap-x-6">
        {rows.map(([label, value, id]) => (
          <div key={id} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd data-testid={`payment-${id}`} className="mb-2 break-words sm:mb-0">
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm">Is het bedrag dan niet binnen, dan annuleren we de bestelling en geven we de artikelen weer vrij.</p>
    </section>
  );
}
