import { useEffect, useRef, useState } from "react";
import { Button } from "~/components/Button";
import { Field } from "~/components/form/Field";
import { useAddressLookup, lookupMessage, type LookupState } from "~/components/address/useAddressLookup";
import { GroupMap, type LatLng } from "./GroupMap";
import { formatCoordinate } from "~/lib/format";
import { firstPc4 } from "~/lib/address/postcode";
import { groupLookupFailure } from "~/lib/groups/group-point";

/** The "Zoek adres" button's name and value in the group forms (without JavaScript). */
export const POINT_LOOKUP_INTENT = "punt-zoeken";
/** Form fields of the central address: looked up, never sent to the backend or stored. */
export const POINT_ADDRESS_FIELDS = ["punt_postcode", "punt_huisnummer"] as const;

const coordinate = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 5, maximumFractionDigits: 5 });
const fromField = (text: string) => {
  const n = Number(text.trim().replace(",", "."));
  return text.trim() && Number.isFinite(n) ? n : undefined;
};

type Props = {
  map: { tileUrl: string; attribution: string };
  /** lat/lng as typed or saved ("52,0907"), and the central address as typed */
  values: { lat: string; lng: string; punt_postcode: string; punt_huisnummer: string };
  errors: Partial<Record<string, string>>;
  /** where the pin starts before a point is chosen: the centre of the first PC4 */
  fallback?: LatLng | null;
  /** id of the postcodes input; its first PC4 moves the fallback */
  postcodesFieldId?: string;
  /** the no-JavaScript lookup's outcome, from the action */
  serverLookup?: LookupState;
  legend: string;
};

/**
 * Where the group is on the map, two ways, in registration and "Mijn groep" alike:
 * a central address (postcode + huisnummer, looked up in the BAG; only the point is kept,
 * never the address), or the pin, dragged with the mouse or moved with the arrow keys.
 * The latitude/longitude fields stay for use without JavaScript (and show the point).
 */
export function PointPicker({ map, values, errors, fallback = null, postcodesFieldId, serverLookup, legend }: Props) {
  const [lat, setLat] = useState(values.lat);
  const [lng, setLng] = useState(values.lng);
  const [postcode, setPostcode] = useState(values.punt_postcode);
  const [number, setNumber] = useState(values.punt_huisnummer);
  const [hydrated, setHydrated] = useState(false);
  const [start, setStart] = useState<LatLng | null>(fallback);
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  useEffect(() => setHydrated(true), []);

  const latN = fromField(lat);
  const lngN = fromField(lng);
  const point = latN !== undefined && lngN !== undefined ? { lat: latN, lng: lngN } : null;
  const setPoint = (p: LatLng | null) => {
    setLat(p ? formatCoordinate(p.lat) : "");
    setLng(p ? formatCoordinate(p.lng) : "");
  };

  const { state, lookup } = useAddressLookup(({ address }) => setPoint({ lat: address.lat, lng: address.lng }));
  const shown: LookupState = state.status === "idle" && serverLookup ? serverLookup : state;
  // keep the previous sentence while looking, so the form under it does not jump
  const lastShown = useRef<LookupState>(shown);
  if (shown.status !== "looking") lastShown.current = shown;
  const current = shown.status === "looking" && lastShown.current.status !== "idle" ? lastShown.current : shown;
  const message = groupLookupFailure(current) ?? lookupMessage(current, (a) => `Gevonden in ${a.city}: de groep staat nu op dat punt. Het adres zelf bewaren we niet.`);
  const runLookup = (force = false) => lookup({ postcode, huisnummer: number, toevoeging: "" }, { force });

  // The pin starts at the centre of the first postcode area the admin typed.
  useEffect(() => {
    if (!postcodesFieldId) return;
    const input = document.getElementById(postcodesFieldId) as HTMLInputElement | null;
    if (!input) return;
    let asked = "";
    const update = () => {
      const pc4 = firstPc4(input.value);
      if (!pc4 || pc4 === asked) return;
      asked = pc4;
      fetch(`/adres-opzoeken?pc4=${pc4}`, { headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? r.json() : null))
        .then((body: { centre?: LatLng | null } | null) => body?.centre && setStart(body.centre))
        .catch(() => undefined);
    };
    update();
    input.addEventListener("blur", update);
    return () => input.removeEventListener("blur", update);
  }, [postcodesFieldId]);

  const pinAt = point ?? start;
  return (
    <fieldset ref={fieldsetRef} aria-describedby="kaart-uitleg" className="space-y-4">
      <legend id="kaart-kiezen" tabIndex={-1} className="scroll-mt-6 text-xl font-bold text-slate-900">
        {legend} <span className="text-base font-normal text-slate-700">(optioneel)</span>
      </legend>
      <p id="kaart-uitleg" className="text-slate-700">
        Vul een adres midden in je buurt in, of verschuif de speld op de kaart (slepen, of met Tab naar de speld en dan de
        pijltjestoetsen). Nog geen speld? Ga met Tab naar de kaart en druk op Enter: de speld komt in het midden van de
        kaart. We bewaren alleen het punt, nooit het adres. Laat je de graden leeg, dan staat je groep in het
        midden van je postcodes.
      </p>

      <div className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <Field
          name="punt_postcode"
          label="Postcode van een adres in je buurt"
          autoComplete="off"
          value={postcode}
          onChange={(event) => setPostcode(event.target.value)}
          onBlur={() => runLookup()}
          error={errors.punt_postcode}
        />
        <Field
          name="punt_huisnummer"
          label="Huisnummer"
          inputMode="numeric"
          autoComplete="off"
          value={number}
          onChange={(event) => setNumber(event.target.value)}
          onBlur={() => runLookup()}
          error={errors.punt_huisnummer}
        />
        <Button
          type={hydrated ? "button" : "submit"}
          name="intent"
          value={POINT_LOOKUP_INTENT}
          formNoValidate
          variant="secondary"
          onClick={hydrated ? () => runLookup(true) : undefined}
        >
          Zoek adres
        </Button>
      </div>
      <p role="status" data-testid="point-lookup-status" aria-busy={state.status === "looking"} className="min-h-5 text-sm text-slate-800">
        {message}
      </p>

      <GroupMap
        settings={map}
        label="Kaart om de plek van je buurt aan te wijzen"
        pick={{ value: pinAt, onPick: setPoint }}
        focus={pinAt ? [pinAt] : undefined}
        zoom={14}
        className="h-72"
      >
        <p>Met JavaScript kun je hier de plek van je buurt aanwijzen. Zonder kaart vul je een adres of de graden hieronder in.</p>
      </GroupMap>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <p role="status" data-testid="picked-point" className="text-sm text-slate-800">
          {point
            ? `Gekozen punt: ${coordinate.format(point.lat)} noorderbreedte, ${coordinate.format(point.lng)} oosterlengte.`
            : "Nog geen punt gekozen."}
        </p>
        {point ? (
          <Button
            type="button"
            variant="link"
            className="text-sm"
            onClick={() => {
              setPoint(null);
              // the button disappears with the point: keep focus in the picker (the map, or the latitude without it)
              const root = fieldsetRef.current;
              const target =
                root?.querySelector<HTMLElement>('[data-testid="group-map"][tabindex]') ?? root?.querySelector<HTMLElement>('input[name="lat"]');
              target?.focus();
            }}
          >
            Punt wissen
          </Button>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          name="lat"
          inputMode="decimal"
          label="Breedtegraad"
          value={lat}
          onChange={(event) => setLat(event.target.value)}
          error={errors.lat}
          hint="Bijvoorbeeld 52,0907"
        />
        <Field
          name="lng"
          inputMode="decimal"
          label="Lengtegraad"
          value={lng}
          onChange={(event) => setLng(event.target.value)}
          error={errors.lng}
          hint="Bijvoorbeeld 5,1214"
        />
      </div>
    </fieldset>
  );
}
