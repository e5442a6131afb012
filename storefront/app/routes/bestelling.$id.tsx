import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CartSummary } from "~/components/CartSummary";
import { loadFromBackend } from "~/lib/backend/backend.server";
import { getOrder, getOrderInvoice, getOrderStatus } from "~/lib/checkout/checkout.server";
import { formatMoney } from "~/lib/format";
import { PaymentOnAccountDetails } from "~/components/PaymentOnAccountDetails";
import { WithdrawalLink } from "~/components/WithdrawalLink";
import { WithdrawalNextSteps } from "~/components/WithdrawalNextSteps";
import { formatDateTime } from "~/lib/withdrawal/withdrawal";
import { STOREFRONT_NAME } from "~/lib/site";
import { privatePageHeaders } from "~/lib/request/headers";
import { useFocusAfterClientNavigation } from "~/components/CheckoutSteps";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.withdrawal ? `Bestelling #${data.displayId} is herroepen` : "Bedankt voor je bestelling"} | ${STOREFRONT_NAME}` },
  { name: "robots", content: "noindex" },
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  // Only the visitor who placed the order sees it (the id is in their session cookie).
  if (!params.id || context.session.get("lastOrderId") !== params.id) throw new Response("Niet gevonden", { status: 404 });
  const [order, invoice, status] = await loadFromBackend(() =>
    Promise.all([getOrder(params.id!), getOrderInvoice(params.id!), getOrderStatus(params.id!)]),
  );
  return {
    displayId: order.display_id,
    email: order.email,
    lines: (order.items ?? []).map((item) => ({
      id: item.id,
      title: item.product_title ?? item.title,
      variantTitle: item.variant_title,
      quantity: item.quantity,
      total: Number(item.total),
    })),
    totals: {
      itemTotal: Number(order.item_total),
      shippingTotal: Number(order.shipping_total),
      itemTaxTotal: Number(order.item_tax_total ?? 0),
      taxTotal: Number(order.tax_total),
      total: Number(order.total),
    },
    address: order.shipping_address,
    invoice,
    paymentOnAccount: status.payment_on_account,
    withdrawal: status.withdrawal,
  };
}

export default function OrderConfirmation() {
  const { displayId, email, lines, totals, address, invoice, paymentOnAccount, withdrawal } = useLoaderData<typeof loader>();
  // Placing the order lands here: focus on the result, as after each checkout step.
  const heading = useFocusAfterClientNavigation<HTMLHeadingElement>();
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      {withdrawal ? (
        <>
          <h1 ref={heading} tabIndex={-1} className="text-3xl font-extrabold text-brand-blue">
            Je hebt deze bestelling herroepen
          </h1>
          <p className="mt-3 text-lg text-slate-800" data-testid="order-withdrawn">
            Bestelling <strong data-testid="order-number">#{displayId}</strong> is herroepen op{" "}
            <strong>{formatDateTime(withdrawal.withdrawn_at)}</strong>. De bevestiging staat in je e-mail ({email}).
          </p>
          <WithdrawalNextSteps outcome={withdrawal} headingLevel={2} />
        </>
      ) : (
        <>
          <h1 ref={heading} tabIndex={-1} className="text-3xl font-extrabold text-brand-blue">
            Bedankt voor je bestelling!
          </h1>
          <p className="mt-3 text-lg text-slate-800">
            Je bestelnummer is <strong data-testid="order-number">#{displayId}</strong>. We sturen een bevestiging naar{" "}
            <strong>{email}</strong>.
          </p>
        </>
      )}
      {paymentOnAccount && !withdrawal ? <PaymentOnAccountDetails payment={paymentOnAccount} /> : null}
      {invoice ? (
        <section
          aria-labelledby="op-factuur"
          data-testid="invoice-notice"
          className="mt-6 rounded-xl border-l-4 border-brand-blue bg-brand-blue-light p-5 text-slate-900"
        >
          <h2 id="op-factuur" className="text-lg font-bold">
            {invoice.awaitingApproval ? "Je bestelling wacht op goedkeuring" : "Betalen op factuur"}
          </h2>
          <p className="mt-1">
            Je betaalt op factuur voor <strong>{invoice.organisation}</strong>.{" "}
            {invoice.awaitingApproval
              ? "We controleren de bestelling en keuren haar zo snel mogelijk goed, meestal binnen twee werkdagen. "
              : ""}
            De factuur volgt per e-mail naar <strong>{invoice.invoiceEmail ?? email}</strong>; betalen kan binnen 30 dagen. We
            verzenden de bestelling zodra ze is goedgekeurd.
          </p>
        </section>
      ) : null}
      <section aria-labelledby="samenvatting" className="mt-8 rounded-xl border border-slate-200 p-6">
        <h2 id="samenvatting" className="text-xl font-bold text-slate-900">
          Samenvatting
        </h2>
        <ul role="list" className="mt-3 space-y-2 text-slate-800">
          {lines.map((line) => (
            <li key={line.id} data-testid="order-line" className="flex justify-between gap-4">
              <span>
                {line.quantity} × {line.title}
                {line.variantTitle ? <span className="block text-sm text-slate-700">{line.variantTitle}</span> : null}
              </span>
              <span className="font-semibold">{formatMoney(line.total)}</span>
            </li>
          ))}
        </ul>
        <div className="mt-4 border-t border-slate-200 pt-4">
          <CartSummary
            itemTotal={totals.itemTotal}
            itemTaxTotal={totals.itemTaxTotal}
            shipping={{ label: "Verzending", amount: totals.shippingTotal, chosen: true }}
            taxTotal={totals.taxTotal}
            total={totals.total}
          />
        </div>
        {address ? (
          <p className="mt-4 text-sm text-slate-700">
            Bezorgadres: {address.first_name} {address.last_name}, {address.address_1}, {address.postal_code} {address.city}
          </p>
        ) : null}
      </section>
      {withdrawal ? null : (
        <section aria-labelledby="herroepen" className="mt-8 text-slate-800">
          <h2 id="herroepen" className="text-lg font-bold text-slate-900">
            Herroepen
          </h2>
          <p className="mt-1">
            Bedenk je je? Je kunt de overeenkomst zonder opgave van reden herroepen tot 14 dagen nadat je de bestelling hebt
            ontvangen.
          </p>
          <WithdrawalLink orderNumber={displayId} email={email} className="mt-3" />
        </section>
      )}
      <Link to="/" className="mt-8 inline-block font-semibold text-brand-blue underline underline-offset-2">
        Terug naar de winkel
      </Link>
    </div>
  );
}

export const headers = privatePageHeaders;
