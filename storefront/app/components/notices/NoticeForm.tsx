import { Form, useNavigation } from "@remix-run/react";
import type { NoticeFormValues } from "~/lib/notices/notices.server";
import { Button } from "../Button";
import { FieldError, Field, fieldId } from "../form/Field";
import { ErrorSummary } from "../form/ErrorSummary";
import { TextAreaField } from "../form/FormControls";

/** The form's fields in order, for the error summary. */
export const NOTICE_FORM_FIELDS = ["title", "body", "municipality_codes", "postcodes", "starts_at", "ends_at"] as const;

/** [field, message] in form order; messages for fields the form does not have go to the top ("_"). */
export function noticeErrorList(errors: Record<string, string>): [string, string][] {
  const known = new Set<string>(NOTICE_FORM_FIELDS);
  const formLevel = Object.entries(errors).filter(([field]) => !known.has(field)).map(([, message]) => ["_", message] as [string, string]);
  const fields = NOTICE_FORM_FIELDS.filter((f) => errors[f]).map((f) => [f, errors[f]!] as [string, string]);
  return [...formLevel, ...fields];
}

const checkboxId = (code: string) => `${fieldId("municipality_codes")}-${code}`;

/**
 * "Nieuwe melding": title, text, the account's own municipalities as checkboxes and/or
 * PC4 areas, first and last day. Posts without JavaScript; the errors are the backend's
 * (Dutch, per field), summarised at the top and linked to each field.
 */
export function NoticeForm({
  municipalities,
  values,
  errors,
  submissionKey,
}: {
  municipalities: { code: string; name: string }[];
  values: NoticeFormValues;
  errors: Record<string, string>;
  submissionKey?: unknown;
}) {
  const sending = useNavigation().formData?.get("intent") === "create";
  const areaError = errors.municipality_codes;
  const areaDescribedBy = ["area-hint", areaError ? `${fieldId("municipality_codes")}-error` : null].filter(Boolean).join(" ");
  return (
    <Form method="post" noValidate className="space-y-6" aria-labelledby="nieuwe-melding">
      <input type="hidden" name="intent" value="create" />
      <ErrorSummary
        errors={noticeErrorList(errors)}
        submissionKey={submissionKey}
        anchorFor={(field) =>
          field === "municipality_codes" && municipalities.length ? `#${checkboxId(municipalities[0]!.code)}` : `#${fieldId(field)}`
        }
      />
      <Field name="title" label="Titel" required maxLength={200} defaultValue={values.title} error={errors.title} hint="Bijvoorbeeld: Let op: insluipingen rond de Stationsstraat" />
      <TextAreaField name="body" label="Melding" required rows={6} defaultValue={values.body} error={errors.body} hint="Platte tekst; witregels blijven staan. Zet er geen persoonsgegevens in." />
      <fieldset aria-describedby={areaDescribedBy} className="space-y-3">
        <legend className="font-semibold text-slate-900">Voor welk gebied?</legend>
        <p id="area-hint" className="text-sm text-slate-700">
          Kies een of meer van je gemeenten, of geef postcodegebieden (vier cijfers) op. Alle goedgekeurde groepsbeheerders in dat gebied krijgen de
          melding één keer per e-mail.
        </p>
        {municipalities.length ? (
          <ul role="list" className="space-y-2">
            {municipalities.map((m) => (
              <li key={m.code} className="flex items-start gap-3">
                <input
                  id={checkboxId(m.code)}
                  type="checkbox"
                  name="municipality_codes"
                  value={m.code}
                  defaultChecked={values.municipalityCodes.includes(m.code)}
                  aria-invalid={areaError ? true : undefined}
                  className="mt-0.5 h-6 w-6 shrink-0 accent-brand-blue"
                />
                <label htmlFor={checkboxId(m.code)} className="text-slate-900">
                  Gemeente {m.name}
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        <FieldError name="municipality_codes" error={areaError} />
        <Field
          name="postcodes"
          label="Postcodegebieden (PC4)"
          defaultValue={values.postcodes}
          error={errors.postcodes}
          hint="Alleen in je eigen gemeenten; gescheiden door komma's, bijvoorbeeld 3581, 3582"
          inputMode="numeric"
          autoComplete="off"
        />
      </fieldset>
      <div className="grid gap-6 sm:grid-cols-2">
        <Field
          name="starts_at"
          type="date"
          label="Eerste dag"
          required
          defaultValue={values.startsOn}
          error={errors.starts_at}
          hint="Vandaag: direct zichtbaar en verstuurd"
        />
        <Field name="ends_at" type="date" label="Laatste dag" required defaultValue={values.endsOn} error={errors.ends_at} hint="Tot en met deze dag zichtbaar" />
      </div>
      <Button type="submit" disabled={sending}>
        {sending ? "Plaatsen…" : "Melding plaatsen"}
      </Button>
    </Form>
  );
}
