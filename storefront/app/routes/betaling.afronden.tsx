import { data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CartError } from "~/lib/cart/cart.server";
import { loadFromBackend } from "~/lib/backend/backend.server";
import {
  cartPaymentSessions,
  CompletionInProgress,
  completeOrAwaitOrder,
  readPaymentReturn,
  returnMatchesCart,
} from "~/lib/checkout/checkout.server";
import { privatePageHeaders } from "~/lib/request/headers";

type ReturnView = { title: string; message: string; retry: boolean; status: number };

const view = (title: string, message: string, { retry = false, status = 200 } = {}) =>
  data<ReturnView>({ title, message, retry, status }, { status });

/**
 * Stripe returns the shopper here after iDEAL, Bancontact, 3-D Secure or a card
 * payment (`?payment_intent=…&payment_intent_client_secret=…&redirect_status=…`).
 *
 * A GET can be triggered by any site, so the cart is completed only when it is the
 * visitor's own cart (session cookie) and one of its payment sessions holds exactly
 * this PaymentIntent and client secret. When Stripe's webhook is completing the same
 * cart, this waits for that order instead of showing an error.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { session } = context;
  const payment = readPaymentReturn(new URL(request.url).searchParams);
  const cartId = session.get("cartId");
  if (!payment) {
    return view("Betaling", "Deze pagina opent Stripe na het betalen. Er is hier niets af te ronden.", { status: 400 });
  }
  if (payment.redirectStatus === "failed") {
    return view("Betaling niet gelukt", "De betaling is niet gelukt of afgebroken. Er is niets afgeschreven en je winkelmand is bewaard; probeer het opnieuw.", { retry: true });
  }
  if (!cartId) {
    return view("Betaling", "In deze browser staat geen bestelling open. Heb je betaald? Dan krijg je de orderbevestiging per e-mail.");
  }
  const sessions = await loadFromBackend(() => cartPaymentSessions(cartId));
  if (!sessions || !returnMatchesCart(sessions, payment)) {
    return view("Betaling", "Deze betaling hoort niet bij je winkelmand. Er is niets afgerond.", { status: 400 });
  }
  try {
    const order = await loadFromBackend(() => completeOrAwaitOrder(session, cartId));
    return redirect(`/bestelling/${order.orderId}`, { status: 303 });
  } catch (error) {
    if (error instanceof CompletionInProgress || (error instanceof CartError && payment.redirectStatus === "processing")) {
      // Paid, the order is still being made (or the bank has not confirmed yet): never invite a second payment.
      return view("Betaling ontvangen", "Je betaling is ontvangen en we maken je bestelling aan. Je krijgt de orderbevestiging per e-mail; je hoeft niet opnieuw te betalen.");
    }
    if (!(error instanceof CartError)) throw error;
    return view("Betaling niet afgerond", error.message, { retry: true });
  }
}

export default function PaymentReturn() {
  const { title, message, retry } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-extrabold text-brand-blue">{title}</h1>
      <p role="status" className="mt-4 text-lg text-slate-800">
        {message}
      </p>
      <Link
        to={retry ? "/afrekenen/betalen" : "/"}
        className="mt-6 inline-block font-semibold text-brand-blue underline underline-offset-2"
      >
        {retry ? "Terug naar betalen" : "Naar de winkel"}
      </Link>
    </div>
  );
}

export const headers = privatePageHeaders;
