import { type ActionFunctionArgs, data, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { Button } from "~/components/Button";
import { CheckoutSteps } from "~/components/CheckoutSteps";
import { Field } from "~/components/Field";
import { getCart } from "~/lib/cart.server";
import { loadFromBackend } from "~/lib/catalogue.server";
import { saveAddress } from "~/lib/checkout.server";
import { commitSession, getSession } from "~/lib/session.server";
import { addressSchema, COUNTRIES, parseForm, type FieldErrors } from "~/lib/validation";
import type { loader as checkoutLoader } from "./afrekenen";
import { privatePageHeaders } from "~/lib/headers";

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  const form = await request.formData();
  const values = Object.fromEntries([...form].map(([k, v]) => [k, String(v)]));
  const parsed = parseForm(addressSchema, values);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });

  const cart = await loadFromBackend(() => getCart(session));
  if (!cart) throw redirect("/winkelmand");
  await loadFromBackend(() => saveAddress(session, cart, parsed.value));
  return redirect("/afrekenen/verzending", { status: 303, headers: { "Set-Cookie": await commitSession(session) } });
}

export default function CheckoutDetails() {
  const checkout = useRouteLoaderData<typeof checkoutLoader>("routes/afrekenen");
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: FieldErrors = actionData?.errors ?? {};
  const saved = { email: checkout?.cart.email ?? "", ...checkout?.cart.address };
  const value = (name: string) => actionData?.values?.[name] ?? saved[name as keyof typeof saved] ?? "";
  const errorCount = Object.keys(errors).length;

  return (
    <>
      <CheckoutSteps current="gegevens" reachable={["gegevens"]} />
      <h2 className="mt-6 text-2xl font-bold text-slate-900">Je gegevens</h2>
      {errorCount ? (
        <div role="alert" className="mt-4 rounded-lg border-l-4 border-red-700 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">
            {errorCount === 1 ? "Eén veld is nog niet goed ingevuld." : `${errorCount} velden zijn nog niet goed ingevuld.`}
          </p>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {Object.entries(errors).map(([field, message]) => (
              <li key={field}>
                <a href={`#field-${field}`} className="underline">
                  {message}
                </a>
              </li>
            ))}
          </ul>
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
        <div className="sm:col-span-2">
          <label htmlFor="field-country_code" className="block font-semibold text-slate-900">
            Land
          </label>
          <select
            id="field-country_code"
            name="country_code"
            defaultValue={value("country_code") || "nl"}
            aria-invalid={errors.country_code ? true : undefined}
            className="mt-1 w-full rounded-lg border-2 border-slate-400 bg-white px-3 py-2.5"
          >
            {Object.entries(COUNTRIES).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
          {errors.country_code ? <p className="mt-1 text-sm font-semibold text-red-800">{errors.country_code}</p> : null}
        </div>
        <Field
          name="address_1"
          label="Straat en huisnummer"
          autoComplete="address-line1"
          required
          defaultValue={value("address_1")}
          error={errors.address_1}
          className="sm:col-span-2"
        />
        <Field
          name="postal_code"
          label="Postcode"
          autoComplete="postal-code"
          required
          defaultValue={value("postal_code")}
          error={errors.postal_code}
          hint="Nederland: 1234 AB, België: 1000"
        />
        <Field name="city" label="Plaats" autoComplete="address-level2" required defaultValue={value("city")} error={errors.city} />
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
