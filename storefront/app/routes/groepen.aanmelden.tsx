import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LinksFunction,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { Button } from "~/components/Button";
import { Field } from "~/components/form/Field";
import { MemberCountField, PostcodesField } from "~/components/groups/GroupFields";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { CheckboxField, Honeypot } from "~/components/form/FormControls";
import { groupMapLinks } from "~/components/groups/GroupMap";
import { POINT_ADDRESS_FIELDS, POINT_LOOKUP_INTENT, PointPicker } from "~/components/groups/PointPicker";
import { toBackendFailure, refusalInit } from "~/lib/backend/backend.server";
import { readForm } from "~/lib/form.server";
import { getSiteUrl } from "~/lib/seo/seo.server";
import { type FieldErrors, orderedErrors } from "~/lib/form-errors";
import { getConfig } from "~/lib/config.server";
import { pointFromAddress } from "~/lib/groups/group-point.server";
import { rememberRegistration } from "~/lib/groups/group-registration.server";
import { REGISTRATION_FIELDS } from "~/lib/groups/group-forms";
import { clientIpFrom, registerGroup } from "~/lib/groups/groups.server";
import { directoryCacheHeaders, withRetryAfter } from "~/lib/request/headers";
import { canonicalUrl, seoMeta } from "~/lib/seo/seo";
import { PAGE_TITLE } from "~/components/PageTitle";
import { FAR_POINT_CODE, FarPointConfirm } from "~/components/groups/FarPointConfirm";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => seoMeta(data?.seo, matches[0]?.meta);

export const links: LinksFunction = () => groupMapLinks;

export const headers: HeadersFunction = withRetryAfter(({ parentHeaders }) => directoryCacheHeaders(parentHeaders));

export function loader() {
  return {
    map: getConfig().map,
    seo: {
      title: "Je WhatsApp-buurtpreventiegroep aanmelden",
      description:
        "Zet je WhatsApp-buurtpreventiegroep op de kaart, zodat buren hem vinden. Aanmelden is gratis; de uitnodigingslink van je groep blijft geheim.",
      canonical: canonicalUrl(getSiteUrl(), "/groepen/aanmelden"),
    },
  };
}

/** The form's fields, echoed back after an error (never the honeypot). */
type FormValues = Partial<Record<(typeof REGISTRATION_FIELDS)[number] | (typeof POINT_ADDRESS_FIELDS)[number], string>>;

export async function action({ request, context }: ActionFunctionArgs) {
  const { form, values: typed, text } = await readForm(request, [...REGISTRATION_FIELDS, ...POINT_ADDRESS_FIELDS]);
  // The central address becomes the point (lat/lng); the address itself is not sent on.
  const explicit = form.get("intent") === POINT_LOOKUP_INTENT;
  const point = await pointFromAddress(typed, { explicit });
  const values = point.values;
  if (explicit) return data({ errors: point.errors, values, pointLookup: point.lookup }, { status: Object.keys(point.errors).length ? 400 : 200 });
  if (Object.keys(point.errors).length) return data({ errors: point.errors, values, pointLookup: point.lookup }, { status: 400 });

  // The backend judges the fields (StoreRegisterGroup) and answers per field in Dutch.
  // The name is what the visitor typed (the answer says nothing about the group, not even its slug).
  const registered = { name: values.name?.trim() ?? "", message: "" };
  // A filled honeypot gets the same confirmation, but nothing is sent or stored.
  if (!text("website")) {
    try {
      registered.message = (await registerGroup(values, clientIpFrom(context))).message;
    } catch (error) {
      const failure = toBackendFailure(error);
      const farPoint = failure.code === FAR_POINT_CODE;
      return data({ errors: failure.fieldErrors, values, pointLookup: point.lookup, farPoint }, refusalInit(failure, failure.status));
    }
  }
  return redirect("/groepen/aangemeld", {
    status: 303,
    headers: { "Set-Cookie": await rememberRegistration(registered) },
  });
}

export default function RegisterGroupPage() {
  const { map } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const sending = navigation.state === "submitting";
  const errors: FieldErrors = actionData?.errors ?? {};
  const values: FormValues = actionData?.values ?? {};
  const summary = orderedErrors(errors, REGISTRATION_FIELDS);
  const value = (name: keyof FormValues) => values[name] ?? "";

  return (
    <>
      <div className="border-b border-slate-200 bg-brand-blue-light">
        <div className="mx-auto max-w-6xl px-4 pt-6 pb-10 sm:pb-12">
          <Breadcrumbs items={[{ label: "Groepen", to: "/groepen" }, { label: "Groep aanmelden" }]} />
          <p className="mt-6 text-sm font-semibold tracking-wide text-brand-blue uppercase">Voor beheerders</p>
          <h1 className={`mt-2 max-w-3xl text-balance sm:text-4xl ${PAGE_TITLE}`}>
            Meld je WhatsApp-buurtpreventiegroep aan
          </h1>
          <p className="mt-4 max-w-2xl text-lg text-slate-700">
            Zet je groep op de kaart, zodat nieuwe buren hem vinden. Aanmelden is gratis. Buurtbewoners sturen jou een
            bericht via deze site; jij beslist wie je toevoegt.
          </p>
        </div>
      </div>

      <div className="mx-auto grid max-w-6xl gap-10 px-4 pt-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Form method="post" noValidate className="relative space-y-10" aria-label="Groep aanmelden">
          <ErrorSummary
            errors={summary}
            submissionKey={actionData}
            anchorFor={(field) => (field === "lat" ? "#kaart-kiezen" : `#field-${field}`)}
          />

          <fieldset className="space-y-5">
            <legend className="text-xl font-bold text-slate-900">Je groep</legend>
            <Field
              name="name"
              label="Naam van de groep"
              // the group's name, not the person's: the browser must not fill in the admin's own name
              autoComplete="off"
              required
              maxLength={80}
              defaultValue={value("name")}
              error={errors.name}
              hint="Zoals de groep in WhatsApp heet, bijvoorbeeld WhatsApp Buurtpreventie Lindenlaan."
            />
            <div className="grid gap-5 sm:grid-cols-2">
              <Field
                name="woonplaats"
                label="Woonplaats"
                autoComplete="address-level2"
                required
                maxLength={80}
                defaultValue={value("woonplaats")}
                error={errors.woonplaats}
              />
              <Field
                name="gemeente"
                label="Gemeente"
                maxLength={80}
                defaultValue={value("gemeente")}
                error={errors.gemeente}
                hint="Meestal vullen we die zelf in aan de hand van je postcodes."
              />
            </div>
            <PostcodesField defaultValue={value("postcodes")} error={errors.postcodes} />
            <MemberCountField defaultValue={value("member_count")} error={errors.member_count} />
          </fieldset>

          <PointPicker
            key={JSON.stringify(actionData ?? null)}
            legend="Waar ligt je buurt?"
            map={map}
            values={{ lat: value("lat"), lng: value("lng"), punt_postcode: value("punt_postcode"), punt_huisnummer: value("punt_huisnummer") }}
            errors={errors}
            postcodesFieldId="field-postcodes"
            serverLookup={actionData && "pointLookup" in actionData ? actionData.pointLookup : undefined}
          />
          <FarPointConfirm
            show={Boolean(actionData && "farPoint" in actionData && actionData.farPoint) || value("confirm_far_point") === "on"}
            checked={value("confirm_far_point") === "on"}
            error={errors.confirm_far_point}
          />

          <fieldset className="space-y-5">
            <legend className="text-xl font-bold text-slate-900">Jij als beheerder</legend>
            <p className="-mt-2 text-slate-700">
              Deze gegevens komen niet op de site. We gebruiken ze om je aanmelding te controleren en om berichten van
              buurtbewoners naar je door te sturen. Lees ook de{" "}
              <Link to="/privacyverklaring" className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
                privacyverklaring
              </Link>
              .
            </p>
            <Field
              name="admin_name"
              label="Je naam"
              autoComplete="name"
              required
              maxLength={80}
              defaultValue={value("admin_name")}
              error={errors.admin_name}
            />
            <div className="grid gap-5 sm:grid-cols-2">
              <Field
                name="admin_email"
                type="email"
                label="Je e-mailadres"
                autoComplete="email"
                required
                maxLength={254}
                defaultValue={value("admin_email")}
                error={errors.admin_email}
              />
              <Field
                name="admin_phone"
                type="tel"
                label="Je telefoonnummer"
                autoComplete="tel"
                required
                maxLength={30}
                defaultValue={value("admin_phone")}
                error={errors.admin_phone}
                hint="Alleen voor vragen over je aanmelding."
              />
            </div>
          </fieldset>

          <div className="space-y-5 rounded-xl border-2 border-brand-yellow bg-white p-5">
            <CheckboxField
              name="accepted_rules"
              value="on"
              defaultChecked={value("accepted_rules") === "on"}
              error={errors.accepted_rules}
              label={
                <>
                  Ik heb de{" "}
                  <Link
                    to="/gedragsregels"
                    target="_blank"
                    className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline"
                  >
                    gedragsregels<span className="sr-only"> (opent in een nieuw tabblad)</span>
                  </Link>{" "}
                  gelezen en houd me eraan.
                </>
              }
            />
            <Honeypot />
            <Button type="submit" disabled={sending} className="text-lg">
              {sending ? "Aanmelden…" : "Groep aanmelden"}
            </Button>
          </div>
        </Form>

        <aside aria-labelledby="zo-werkt-het" className="h-fit rounded-xl bg-slate-50 p-6 lg:sticky lg:top-6">
          <h2 id="zo-werkt-het" className="text-lg font-bold text-slate-900">
            Zo werkt het
          </h2>
          <ol className="mt-4 space-y-4">
            {[
              ["Aanmelden", "Vul dit formulier in. Het kost een paar minuten."],
              ["Bevestigen", "Je krijgt een e-mail. Klik op de link daarin om je e-mailadres te bevestigen."],
              ["Controle", "We bekijken je aanmelding en mailen je zodra je groep op de kaart staat."],
              ["Gevonden worden", "Buren vinden je groep op postcode en sturen je een bericht. Jij beslist wie je toevoegt."],
            ].map(([title, text], index) => (
              <li key={title} className="flex gap-3">
                <span
                  aria-hidden="true"
                  className="grid h-8 w-8 shrink-0 place-items-center rounded-full bg-brand-blue font-bold text-white"
                >
                  {index + 1}
                </span>
                <div>
                  <p className="font-semibold text-slate-900">{title}</p>
                  <p className="text-sm text-slate-700">{text}</p>
                </div>
              </li>
            ))}
          </ol>
          <p className="mt-6 rounded-lg border-l-4 border-brand-yellow bg-white p-3 text-sm text-slate-800">
            <strong>Deel nooit de uitnodigingslink van je groep.</strong> Wie die link heeft, ziet de telefoonnummers van
            alle leden. Daarom vragen we er niet om en staat hij nergens op deze site.
          </p>
        </aside>
      </div>
    </>
  );
}
