import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CartError } from "~/lib/cart.server";
import { loadFromBackend } from "~/lib/catalogue.server";
import { completeCart } from "~/lib/checkout.server";
import { commitSession, getSession } from "~/lib/session.server";
import { privatePageHeaders } from "~/lib/headers";

/**
 * Stripe returns the shopper here after iDEAL, Bancontact or 3-D Secure. The cart
 * is completed now; if Stripe's webhook was first, the order already exists.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const url = new URL(request.url);
  const status = url.searchParams.get("redirect_status");
  const cartId = session.get("cartId");
  if (status && status !== "succeeded" && status !== "processing") {
    return { message: "De betaling is niet gelukt of afgebroken. Je winkelmand is bewaard; probeer het opnieuw." };
  }
  if (!cartId) {
    return { message: "Je betaling is ontvangen. Je krijgt de orderbevestiging per e-mail." };
  }
  try {
    const order = await loadFromBackend(() => completeCart(session, cartId));
    return redirect(`/bestelling/${order.orderId}`, { headers: { "Set-Cookie": await commitSession(session) } });
  } catch (error) {
    if (!(error instanceof CartError)) throw error;
    return { message: error.message };
  }
}

export default function PaymentReturn() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="text-3xl font-extrabold text-brand-blue">Betaling</h1>
      <p className="mt-4 text-lg text-slate-800">{message}</p>
      <Link to="/winkelmand" className="mt-6 inline-block font-semibold text-brand-blue underline underline-offset-2">
        Naar je winkelmand
      </Link>
    </div>
  );
}

export const headers = privatePageHeaders;
