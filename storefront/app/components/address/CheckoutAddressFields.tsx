import { type ChangeEvent, useEffect, useRef, useState } from "react";
import { Button } from "~/components/Button";
import { controlProps, Field, FieldFrame } from "~/components/form/Field";
import { COUNTRIES, formatAddressLine } from "~/lib/address/address";
import type { FieldErrors } from "~/lib/form-errors";
import { lookupMessage, useAddressLookup, type LookupState } from "./useAddressLookup";

export type CheckoutAddressValues = {
  country_code: string;
  postal_code: string;
  house_number: string;
  house_number_addition: string;
  street: string;
  address_1: string;
  city: string;
};

/** The "Zoek adres" button's name and value: the action looks the address up and renders the form again. */
export const LOOKUP_INTENT = "zoek-adres";

type Props = {
  initial: CheckoutAddressValues;
  errors: FieldErrors;
  /** The no-JavaScript lookup's outcome, from the action. */
  serverLookup?: LookupState;
};

/** A controlled input's value and change handler. */
const controlled = (value: string, set: (value: string) => void) => ({
  value,
  onChange: (event: ChangeEvent<HTMLInputElement>) => set(event.target.value),
});

/**
 * Country and address. The Netherlands, as Dutch shoppers expect: postcode, huisnummer
 * and toevoeging first; street and town fill in from the BAG (on blur with JavaScript,
 * through the "Zoek adres" button without) and stay editable, because the BAG lags new
 * streets and lookups can fail. Belgium keeps free fields.
 */
export function CheckoutAddressFields({ initial, errors, serverLookup }: Props) {
  const [country, setCountry] = useState(initial.country_code || "nl");
  const [postcode, setPostcode] = useState(initial.postal_code);
  const [street, setStreet] = useState(initial.street);
  const [city, setCity] = useState(initial.city);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  // What the lookup last wrote: replaced by a new lookup, but a shopper's own text is kept.
  const filled = useRef({ street: serverLookup?.status === "found" ? initial.street : "", city: serverLookup?.status === "found" ? initial.city : "" });
  const [number, setNumber] = useState(initial.house_number);
  const [addition, setAddition] = useState(initial.house_number_addition);
  const streetRef = useRef(street);
  streetRef.current = street;
  const cityRef = useRef(city);
  cityRef.current = city;

  const { state, lookup } = useAddressLookup(({ address }) => {
    if (!streetRef.current.trim() || streetRef.current === filled.current.street) setStreet(address.street);
    if (!cityRef.current.trim() || cityRef.current === filled.current.city) setCity(address.city);
    filled.current = { street: address.street, city: address.city };
    setPostcode(`${address.postcode.slice(0, 4)} ${address.postcode.slice(4)}`);
  });
  const shown: LookupState = state.status === "idle" && serverLookup ? serverLookup : state;
  // While a new lookup runs the previous sentence stays: a shorter text would move the
  // "Verder" button under the shopper's pointer between mouse down (the blur) and click.
  const lastShown = useRef<LookupState>(shown);
  if (shown.status !== "looking") lastShown.current = shown;
  const message = lookupMessage(
    shown.status === "looking" && lastShown.current.status !== "idle" ? lastShown.current : shown,
    (a) => `Gevonden: ${formatAddressLine(a.street, String(a.house_number), a.addition)}, ${a.city}. Klopt het niet? Pas straat en plaats gerust aan.`,
  );

  const runLookup = (force = false) => lookup({ postcode, huisnummer: number, toevoeging: addition }, { force });
  /** Postcode, huisnummer and toevoeging: leaving one looks the address up. */
  const lookupInput = (value: string, set: (value: string) => void) => ({ ...controlled(value, set), onBlur: () => runLookup() });

  const dutch = country === "nl";
  return (
    <>
      <FieldFrame name="country_code" label="Land" required error={errors.country_code} className="sm:col-span-2">
        <select
          {...controlProps("country_code", { error: errors.country_code, required: true })}
          value={country}
          onChange={(event) => setCountry(event.target.value)}
          className={`mt-1 w-full rounded-lg border-2 bg-white px-3 py-2.5 ${errors.country_code ? "border-red-700" : "border-slate-400"}`}
        >
          {Object.entries(COUNTRIES).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </FieldFrame>
      {dutch ? (
        <>
          <div className="grid gap-5 sm:col-span-2 sm:grid-cols-[1fr_1fr_1fr]">
            <Field
              name="postal_code"
              label="Postcode"
              autoComplete="postal-code"
              required
              {...lookupInput(postcode, setPostcode)}
              error={errors.postal_code}
              hint="Bijvoorbeeld 5038 AB"
            />
            <Field
              name="house_number"
              label="Huisnummer"
              inputMode="numeric"
              required
              {...lookupInput(number, setNumber)}
              error={errors.house_number}
              hint="Alleen het getal"
            />
            <Field
              name="house_number_addition"
              label="Toevoeging"
              {...lookupInput(addition, setAddition)}
              error={errors.house_number_addition}
              hint="Bijvoorbeeld A of 2"
            />
          </div>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 sm:col-span-2">
            <Button
              type={hydrated ? "button" : "submit"}
              name="intent"
              value={LOOKUP_INTENT}
              formNoValidate
              variant="secondary"
              onClick={hydrated ? () => runLookup(true) : undefined}
            >
              Zoek adres
            </Button>
            <p role="status" data-testid="address-lookup-status" aria-busy={state.status === "looking"} className="min-h-10 flex-1 text-sm text-slate-800">
              {message}
            </p>
          </div>
          <Field
            name="street"
            label="Straat"
            autoComplete="address-line1"
            required
            {...controlled(street, setStreet)}
            error={errors.street}
          />
        </>
      ) : (
        <>
          <Field
            name="address_1"
            label="Straat en huisnummer"
            autoComplete="address-line1"
            required
            defaultValue={initial.address_1}
            error={errors.address_1}
            className="sm:col-span-2"
          />
          <Field
            name="postal_code"
            label="Postcode"
            autoComplete="postal-code"
            required
            {...controlled(postcode, setPostcode)}
            error={errors.postal_code}
            hint="Vier cijfers, bijvoorbeeld 1000"
          />
        </>
      )}
      <Field name="city" label="Plaats" autoComplete="address-level2" required {...controlled(city, setCity)} error={errors.city} />
    </>
  );
}
