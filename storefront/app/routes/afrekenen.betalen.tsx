import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { CartSummary } from "~/components/CartSummary";
import { CheckoutSteps } from "~/components/CheckoutSteps";
import { CartError, getCart } from "~/lib/cart.server";
import { loadFromBackend } from "~/lib/catalogue.server";
import { StripePayment } from "~/components/StripePayment";
import { completeCart, listPaymentProviders, startPayment } from "~/lib/checkout.server";
import { getConfig } from "~/lib/config.server";
import { MANUAL_PROVIDER, STRIPE_PROVIDER } from "~/lib/payment";
import { commitSession, getSession } from "~/lib/session.server";
import { privatePageHeaders } from "~/lib/headers";

async function readyCart(request: Request) {
  const session = await getSession(request);
  const cart = await loadFromBackend(() => getCart(session));
  if (!cart || cart.lines.length === 0) throw redirect("/winkelmand");
  if (!cart.hasShippingAddress) throw redirect("/afrekenen");
  if (cart.shippingMethodCount === 0) throw redirect("/afrekenen/verzending");
  return { session, cart };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { cart } = await readyCart(request);
  const providers = await loadFromBackend(() => listPaymentProviders(cart.raw.region_id!));
  const stripeKey = getConfig().stripePublishableKey;
  return {
    stripeKey: stripeKey && providers.includes(STRIPE_PROVIDER) ? stripeKey : null,
    totals: { itemTotal: cart.itemTotal, shippingTotal: cart.shippingTotal, taxTotal: cart.taxTotal, total: cart.total },
    email: cart.email,
    address: cart.address,
    canPayOnAccount: providers.includes(MANUAL_PROVIDER),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { session, cart } = await readyCart(request);
  const provider = String((await request.formData()).get("provider") ?? MANUAL_PROVIDER);
  try {
    if (provider === STRIPE_PROVIDER) {
      // The Payment Element confirms the intent in the browser; Stripe then returns to /betaling/afronden.
      const payment = await loadFromBackend(() => startPayment(cart, STRIPE_PROVIDER));
      const clientSecret = typeof payment.client_secret === "string" ? payment.client_secret : null;
      if (!clientSecret) throw new CartError("Online betalen is nu niet beschikbaar. Kies Betalen op rekening.");
      return data({ clientSecret, error: null });
    }
    await loadFromBackend(() => startPayment(cart, MANUAL_PROVIDER));
    const order = await loadFromBackend(() => completeCart(session, cart.id));
    return redirect(`/bestelling/${order.orderId}`, { status: 303, headers: { "Set-Cookie": await commitSession(session) } });
  } catch (error) {
    if (error instanceof CartError) return data({ error: error.message, clientSecret: null }, { status: 409 });
    throw error;
  }
}

export default function CheckoutPayment() {
  const { totals, email, address, canPayOnAccount, stripeKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const placing = navigation.state !== "idle";
  return (
    <>
      <CheckoutSteps current="betalen" reachable={["gegevens", "verzending", "betalen"]} />
      <h2 className="mt-6 text-2xl font-bold text-slate-900">Controleren en betalen</h2>
      <div className="mt-4 grid gap-6 sm:grid-cols-2">
        <section aria-labelledby="bezorgadres" className="text-slate-800">
          <h3 id="bezorgadres" className="font-semibold text-slate-900">
            Bezorgadres
          </h3>
          <p className="mt-1">
            {address.first_name} {address.last_name}
            {address.company ? (
              <>
                <br />
                {address.company}
              </>
            ) : null}
            <br />
            {address.address_1}
            <br />
            {address.postal_code} {address.city}
            <br />
            {address.country_code === "be" ? "België" : "Nederland"}
          </p>
          <p className="mt-1 text-sm">Bevestiging naar {email}</p>
        </section>
        <CartSummary
          itemTotal={totals.itemTotal}
          shipping={{ label: "Verzending", amount: totals.shippingTotal }}
          taxTotal={totals.taxTotal}
          total={totals.total}
        />
      </div>
      {actionData?.error ? (
        <p role="alert" className="mt-6 rounded-lg border-l-4 border-red-700 bg-red-50 p-4 font-semibold text-red-900">
          {actionData.error}
        </p>
      ) : null}
      {actionData?.clientSecret && stripeKey ? (
        <StripePayment
          publishableKey={stripeKey}
          clientSecret={actionData.clientSecret}
          returnUrl={typeof window === "undefined" ? "" : `${window.location.origin}/betaling/afronden`}
        />
      ) : null}
      <Form method="post" className="mt-8">
        <fieldset>
          <legend className="font-semibold text-slate-900">Betaalwijze</legend>
          {stripeKey ? (
            <label className="mt-3 flex items-center gap-3 rounded-lg border-2 border-slate-300 p-3 has-[:checked]:border-brand-blue has-[:checked]:bg-brand-blue-light">
              <input type="radio" name="provider" value={STRIPE_PROVIDER} defaultChecked className="h-5 w-5 accent-brand-blue" />
              <span>
                <span className="block font-medium">iDEAL, Bancontact of creditcard</span>
                <span className="block text-sm text-slate-700">Veilig online betalen via Stripe (JavaScript nodig).</span>
              </span>
            </label>
          ) : null}
          {canPayOnAccount ? (
            <label className="mt-3 flex items-center gap-3 rounded-lg border-2 border-slate-300 p-3 has-[:checked]:border-brand-blue has-[:checked]:bg-brand-blue-light">
              <input type="radio" name="provider" value={MANUAL_PROVIDER} defaultChecked={!stripeKey} className="h-5 w-5 accent-brand-blue" />
              <span>
                <span className="block font-medium">Betalen op rekening</span>
                <span className="block text-sm text-slate-700">Je ontvangt de factuur per e-mail; betaal binnen 14 dagen.</span>
              </span>
            </label>
          ) : null}
          {!stripeKey && !canPayOnAccount ? (
            <p className="mt-2 text-red-800">Er is nu geen betaalwijze beschikbaar. Probeer het later opnieuw.</p>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={placing || (!canPayOnAccount && !stripeKey)} className="mt-6 text-lg">
          {placing ? "Bestelling plaatsen…" : "Bestelling plaatsen"}
        </Button>
        <p className="mt-3 text-sm text-slate-700">Met het plaatsen van je bestelling ga je akkoord met de algemene voorwaarden.</p>
      </Form>
    </>
  );
}

export const headers = privatePageHeaders;
