import { type ActionFunctionArgs, type AppLoadContext, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { CartGroupNote } from "~/components/CartGroupNote";
import { CheckoutStepHeading, CheckoutSteps } from "~/components/CheckoutSteps";
import { CartError } from "~/lib/cart/cart.server";
import { loadFromBackend, refusalInit } from "~/lib/backend/backend.server";
import { StripePayment } from "~/components/StripePayment";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { controlProps, Field, FieldFrame } from "~/components/form/Field";
import { offeredPaymentMethods, placeOrder } from "~/lib/checkout/checkout.server";
import { getConfig } from "~/lib/config.server";
import { readForm } from "~/lib/form.server";
import { ORDER_BUTTON_LABEL, TermsNote } from "~/components/OrderButton";
import { INVOICE_PROVIDER, type PaymentMethod } from "~/lib/checkout/payment";
import { type FieldErrors, orderedErrors } from "~/lib/form-errors";
import { privatePageHeaders, withRetryAfter } from "~/lib/request/headers";

async function readyCart({ session, cart: visitorCart }: AppLoadContext) {
  const cart = await loadFromBackend(() => visitorCart.load());
  if (!cart || cart.lines.length === 0) throw redirect("/winkelmand");
  if (!cart.hasShippingAddress) throw redirect("/afrekenen");
  if (cart.shippingMethodCount === 0) throw redirect("/afrekenen/verzending");
  return { session, cart };
}

export async function loader({ context }: LoaderFunctionArgs) {
  const { cart } = await readyCart(context);
  const methods = await offeredPaymentMethods(cart);
  const config = getConfig();
  return {
    stripeKey: methods.some((m) => m.online) ? config.stripePublishableKey ?? null : null,
    stripeJsUrl: config.stripeJsUrl,
    methods,
    email: cart.email,
    address: cart.address,
    group: cart.group,
  };
}


const INVOICE_FIELDS = ["organisation", "kvk_number", "vat_number", "reference", "invoice_email"] as const;

/**
 * The backend's length limits (backend/src/modules/invoice-payment/details.ts), only as
 * maxLength attributes so the browser stops typing there; the backend judges the data.
 */
const INVOICE_MAX_ORGANISATION = 200;
const INVOICE_MAX_REFERENCE = 50;

type ActionResult = {
  error: string | null;
  clientSecret: string | null;
  provider?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const { session, cart } = await readyCart(context);
  const { values: invoice, text } = await readForm(request, INVOICE_FIELDS);
  const provider = text("provider");
  const method = (await offeredPaymentMethods(cart)).find((m) => m.provider === provider);
  if (!method) {
    return data<ActionResult>({ error: "Kies een betaalwijze.", clientSecret: null, provider }, { status: 400 });
  }
  try {
    const placed = await placeOrder(session, cart, method, invoice);
    if (placed.kind === "order") return redirect(`/bestelling/${placed.orderId}`, { status: 303 });
    if (placed.kind === "pay-online") return data<ActionResult>({ clientSecret: placed.clientSecret, error: null, provider });
    // "Op factuur" refused: the backend's answer per field, or one sentence for the whole form
    const { _: whole, ...fields } = placed.failure.fieldErrors;
    const errors = Object.keys(fields).length ? fields : undefined;
    const values: Record<string, string> = invoice;
    return data<ActionResult>({ error: errors ? null : (whole ?? placed.failure.message), clientSecret: null, provider, errors, values }, { status: 400 });
  } catch (error) {
    if (error instanceof CartError) {
      const init = error.rateLimited ? refusalInit({ status: 429, retryAfter: error.rateLimited.retryAfter }, 429) : { status: 409 };
      return data<ActionResult>({ error: error.message, clientSecret: null, provider }, init);
    }
    throw error;
  }
}

export default function CheckoutPayment() {
  const { email, address, group, methods, stripeKey, stripeJsUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const placing = navigation.state !== "idle";
  const errors: FieldErrors = actionData?.errors ?? {};
  const summary = orderedErrors(errors, INVOICE_FIELDS);
  const invoiceChosen = actionData?.provider === INVOICE_PROVIDER;
  const invoiceValue = (name: string) => actionData?.values?.[name] ?? "";
  const chosen = methods.find((m) => m.provider === actionData?.provider)?.provider ?? methods[0]?.provider;
  const invoiceMethod = methods.find((m) => m.provider === INVOICE_PROVIDER);
  const paying = actionData?.clientSecret && stripeKey ? methods.find((m) => m.provider === actionData.provider) : undefined;
  return (
    <>
      <CheckoutSteps current="betalen" reachable={["gegevens", "verzending", "betalen"]} />
      <CheckoutStepHeading>Controleren en betalen</CheckoutStepHeading>
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
        {/* The amounts are in the summary beside every step (afrekenen.tsx). */}
        {group ? <CartGroupNote group={group} /> : null}
      </div>
      {actionData?.error ? (
        <p role="alert" className="mt-6 rounded-lg border-l-4 border-red-700 bg-red-50 p-4 font-semibold text-red-900">
          {actionData.error}
        </p>
      ) : null}
      {summary.length ? (
        <div className="mt-6">
          <ErrorSummary errors={summary} submissionKey={actionData} />
        </div>
      ) : null}
      {paying && actionData?.clientSecret && stripeKey ? (
        <StripePayment
          key={actionData.clientSecret}
          publishableKey={stripeKey}
          scriptUrl={stripeJsUrl}
          clientSecret={actionData.clientSecret}
          methodLabel={paying.label}
          returnUrl={typeof window === "undefined" ? "" : `${window.location.origin}/betaling/afronden`}
        />
      ) : null}
      {paying ? (
        <Link to="/afrekenen/betalen" className="mt-4 inline-block font-semibold text-brand-blue underline underline-offset-2">
          Andere betaalwijze kiezen
        </Link>
      ) : (
      <Form method="post" noValidate className="mt-8">
        <fieldset className="group">
          <legend className="font-semibold text-slate-900">Betaalwijze</legend>
          {methods
            .filter((m) => m.provider !== INVOICE_PROVIDER)
            .map((method) => (
              <PaymentOption key={method.provider} method={method} defaultChecked={method.provider === chosen} />
            ))}
          {stripeKey ? (
            <noscript>
              <p className="mt-3 rounded-lg border-l-4 border-amber-600 bg-amber-50 p-3 text-slate-900">
                Online betalen (iDEAL | Wero, Bancontact, creditcard) gaat via Stripe en werkt alleen met JavaScript. Zet JavaScript aan
                {methods.some((m) => !m.online) ? " of kies hieronder een andere betaalwijze" : ""}.
              </p>
            </noscript>
          ) : null}
          {invoiceMethod ? (
            <>
              <PaymentOption
                method={invoiceMethod}
                id="provider-invoice"
                defaultChecked={invoiceChosen || chosen === INVOICE_PROVIDER}
                controls="factuurgegevens"
              />
              {/* Shown by CSS when "Op factuur" is checked, so it works without JavaScript. */}
              <fieldset
                id="factuurgegevens"
                className="mt-3 hidden gap-4 rounded-lg border border-slate-300 p-4 group-has-[#provider-invoice:checked]:grid sm:grid-cols-2"
              >
                <legend className="px-1 font-semibold text-slate-900">Factuurgegevens</legend>
                <Field
                  name="organisation"
                  label="Naam gemeente of organisatie"
                  autoComplete="organization"
                  required
                  maxLength={INVOICE_MAX_ORGANISATION}
                  defaultValue={invoiceValue("organisation") || address.company || ""}
                  error={errors.organisation}
                  className="sm:col-span-2"
                />
                <NumberField
                  name="kvk_number"
                  label="KvK-nummer"
                  inputMode="numeric"
                  hint="8 cijfers. Vul een KvK-nummer of een btw-nummer in (of allebei)."
                  defaultValue={invoiceValue("kvk_number")}
                  error={errors.kvk_number}
                />
                <NumberField
                  name="vat_number"
                  label="Btw-nummer"
                  hint="Bijvoorbeeld NL123456789B01 of BE0123456789."
                  defaultValue={invoiceValue("vat_number")}
                  error={errors.vat_number}
                />
                <Field
                  name="reference"
                  label="Inkoopnummer of referentie"
                  maxLength={INVOICE_MAX_REFERENCE}
                  hint="Zetten we op de factuur."
                  defaultValue={invoiceValue("reference")}
                  error={errors.reference}
                />
                <Field
                  name="invoice_email"
                  type="email"
                  label="E-mailadres voor de factuur"
                  autoComplete="email"
                  hint={`Leeg laten: we sturen de factuur naar ${email}.`}
                  defaultValue={invoiceValue("invoice_email")}
                  error={errors.invoice_email}
                />
              </fieldset>
            </>
          ) : null}
          {methods.length === 0 ? (
            <p className="mt-2 text-red-800">Er is nu geen betaalwijze beschikbaar. Probeer het later opnieuw.</p>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={placing || methods.length === 0} className="mt-6 text-lg">
          {placing ? "Bezig…" : ORDER_BUTTON_LABEL}
        </Button>
        <TermsNote />
      </Form>
      )}
    </>
  );
}

/** One payment method: a radio button with its name and what it means. */
function PaymentOption({
  method,
  defaultChecked,
  id,
  controls,
}: {
  method: PaymentMethod;
  defaultChecked: boolean;
  id?: string;
  /** The id of what this choice shows (the invoice fields). */
  controls?: string;
}) {
  return (
    <label className="mt-3 flex items-center gap-3 rounded-lg border-2 border-slate-300 p-3 has-[:checked]:border-brand-blue has-[:checked]:bg-brand-blue-light">
      <input
        id={id}
        type="radio"
        name="provider"
        value={method.provider}
        defaultChecked={defaultChecked}
        aria-controls={controls}
        className="h-5 w-5 accent-brand-blue"
      />
      <span>
        <span className="block font-medium">{method.label}</span>
        <span className="block text-sm text-slate-700">{method.description}</span>
      </span>
    </label>
  );
}

/**
 * KvK and btw number: one of the two is required, so neither is marked
 * "(optioneel)" (the frame's `required`) nor required on its own (the input's); the hint says so.
 */
function NumberField({
  name,
  label,
  hint,
  error,
  defaultValue,
  inputMode,
}: {
  name: string;
  label: string;
  hint: string;
  error?: string;
  defaultValue: string;
  inputMode?: "numeric";
}) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error} required>
      <input
        {...controlProps(name, { error, hint })}
        inputMode={inputMode}
        autoComplete="off"
        defaultValue={defaultValue}
        className={`mt-1 w-full rounded-lg border-2 px-3 py-2.5 ${error ? "border-red-700" : "border-slate-400"}`}
      />
    </FieldFrame>
  );
}

export const headers = withRetryAfter(privatePageHeaders);
