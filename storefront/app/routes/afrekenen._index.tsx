import { type ActionFunctionArgs, data, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { Button } from "~/components/Button";
import { CheckoutStepHeading, CheckoutSteps } from "~/components/CheckoutSteps";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { Field } from "~/components/form/Field";
import { loadFromBackend } from "~/lib/backend/backend.server";
import { saveAddress } from "~/lib/checkout/checkout.server";
import { readForm } from "~/lib/form.server";
import { type FieldErrors, orderedErrors } from "~/lib/form-errors";
import { parseCheckoutAddress, splitAddressLine } from "~/lib/address/address";
import { lookupAddress } from "~/lib/address/address.server";
import { CheckoutAddressFields, LOOKUP_INTENT, type CheckoutAddressValues } from "~/components/address/CheckoutAddressFields";
import type { loader as checkoutLoader } from "./afrekenen";
import { privatePageHeaders } from "~/lib/request/headers";

/** The form's fields in the order it shows them (the error summary lists them so). */
const ADDRESS_FORM_FIELDS = [
  "email",
  "first_name",
  "last_name",
  "company",
  "country_code",
  "postal_code",
  "house_number",
  "house_number_addition",
  "street",
  "address_1",
  "city",
  "phone",
] as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const { session } = context;
  const { values: typed } = await readForm(request, [...ADDRESS_FORM_FIELDS, "intent"]);
  const values: Record<string, string> = typed;
  // "Zoek adres" without JavaScript: fill street and town, render the form again, save nothing.
  if (values.intent === LOOKUP_INTENT) {
    const lookup = await lookupAddress({ postcode: values.postal_code, huisnummer: values.house_number, toevoeging: values.house_number_addition });
    if (lookup.status === "invalid") return data({ errors: lookup.errors, values, lookup }, { status: 400 });
    if (lookup.status === "found") {
      const { address } = lookup;
      Object.assign(values, { street: address.street, city: address.city, postal_code: `${address.postcode.slice(0, 4)} ${address.postcode.slice(4)}` });
    }
    return data({ errors: {} as FieldErrors, values, lookup });
  }
  const parsed = parseCheckoutAddress(values);
  if (!parsed.ok) return data({ errors: parsed.errors, values, lookup: undefined }, { status: 400 });

  const cart = await loadFromBackend(() => context.cart.load());
  if (!cart) throw redirect("/winkelmand");
  await loadFromBackend(() => saveAddress(session, cart, parsed.value));
  return redirect("/afrekenen/verzending", { status: 303 });
}

export default function CheckoutDetails() {
  const checkout = useRouteLoaderData<typeof checkoutLoader>("routes/afrekenen");
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: FieldErrors = actionData?.errors ?? {};
  const summary = orderedErrors(errors, ADDRESS_FORM_FIELDS);
  const savedAddress = checkout?.cart.address ?? {};
  const saved: Record<string, string> = {
    email: checkout?.cart.email ?? "",
    ...savedAddress,
    ...(savedAddress.address_1 ? splitAddressLine(savedAddress.address_1) : {}),
  };
  const value = (name: string) => actionData?.values?.[name] ?? saved[name] ?? "";
  const address: CheckoutAddressValues = {
    country_code: value("country_code") || "nl",
    postal_code: value("postal_code"),
    house_number: value("house_number"),
    house_number_addition: value("house_number_addition"),
    street: value("street"),
    address_1: value("address_1"),
    city: value("city"),
  };

  return (
    <>
      <CheckoutSteps current="gegevens" reachable={["gegevens"]} />
      <CheckoutStepHeading>Je gegevens</CheckoutStepHeading>
      {summary.length ? (
        <div className="mt-4">
          <ErrorSummary errors={summary} submissionKey={actionData} />
        </div>
      ) : null}
      <Form method="post" noValidate className="mt-6 grid gap-5 sm:grid-cols-2">
        <Field
          name="email"
          type="email"
          label="E-mailadres"
          autoComplete="email"
          required
          defaultValue={value("email")}
          error={errors.email}
          hint="Hier sturen we de orderbevestiging naartoe."
          className="sm:col-span-2"
        />
        <Field name="first_name" label="Voornaam" autoComplete="given-name" required defaultValue={value("first_name")} error={errors.first_name} />
        <Field name="last_name" label="Achternaam" autoComplete="family-name" required defaultValue={value("last_name")} error={errors.last_name} />
        <Field
          name="company"
          label="Organisatie of buurtgroep"
          autoComplete="organization"
          defaultValue={value("company")}
          error={errors.company}
          className="sm:col-span-2"
        />
        <CheckoutAddressFields
          key={JSON.stringify(actionData?.values ?? null)}
          initial={address}
          errors={errors}
          serverLookup={actionData?.lookup}
        />
        <Field
          name="phone"
          type="tel"
          label="Telefoonnummer"
          autoComplete="tel"
          defaultValue={value("phone")}
          error={errors.phone}
          hint="Alleen voor de bezorger, bij vragen over de levering."
          className="sm:col-span-2"
        />
        <div className="sm:col-span-2">
          <Button type="submit" disabled={navigation.state !== "idle"} className="text-lg">
            Verder naar verzending
          </Button>
        </div>
      </Form>
    </>
  );
}

export const headers = privatePageHeaders;
