import { Link } from "@remix-run/react";

/**
 * The label of every button that places an order, whatever the payment method. Directive
 * 2011/83/EU art. 8(2) and BW 6:230v lid 2 require it to say unambiguously that ordering
 * obliges the shopper to pay; "Bestelling plaatsen" does not, so the order is void
 * if the shop uses it.
 */
export const ORDER_BUTTON_LABEL = "Bestellen en betalen";

/** The sentence beside the order button, with the terms one click away (new tab keeps the checkout). */
export function TermsNote() {
  return (
    <p className="mt-3 text-sm text-slate-700">
      Door op “{ORDER_BUTTON_LABEL}” te klikken ga je akkoord met onze{" "}
      <Link
        to="/algemene-voorwaarden"
        target="_blank"
        rel="noopener"
        className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline"
      >
        algemene voorwaarden<span className="sr-only"> (opent in een nieuw tabblad)</span>
      </Link>
      .
    </p>
  );
}
