import { type ActionFunctionArgs, type AppLoadContext, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { Field } from "~/components/form/Field";
import { MemberCountField, PostcodesField } from "~/components/groups/GroupFields";
import { AccountLayout, FormMessage } from "~/components/account/AccountLayout";
import { PendingChangesNotice } from "~/components/account/PendingChangesNotice";
import { StatusBadge } from "~/components/account/StatusBadge";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import {
  listMyGroups,
  type MyGroup,
  requireCustomerToken,
  SignedOutError,
  signedOutRedirect,
  updateMyGroup,
} from "~/lib/account/account.server";
import { type FieldErrors, orderedErrors } from "~/lib/form-errors";
import { formError, readForm } from "~/lib/form.server";
import { GROUP_EDIT_FIELDS } from "~/lib/groups/group-forms";
import { getConfig } from "~/lib/config.server";
import { resetDirectoryCache } from "~/lib/groups/groups.server";
import { groupMapLinks } from "~/components/groups/GroupMap";
import { POINT_ADDRESS_FIELDS, POINT_LOOKUP_INTENT, PointPicker } from "~/components/groups/PointPicker";
import { pointFromAddress } from "~/lib/groups/group-point.server";
import { privatePageHeaders } from "~/lib/request/headers";
import { pageTitle } from "~/lib/seo/seo";
import { formatCoordinate } from "~/lib/format";
import { PointWarning } from "~/components/groups/PointWarning";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `${data.group.name} aanpassen` : "Groep aanpassen") },
  { name: "robots", content: "noindex" },
];
export const headers = privatePageHeaders;
export const links: LinksFunction = () => groupMapLinks;

type FormValues = Partial<Record<(typeof GROUP_EDIT_FIELDS)[number] | (typeof POINT_ADDRESS_FIELDS)[number], string>>;

async function ownGroup(request: Request, context: AppLoadContext, id: string | undefined) {
  const { token, session } = requireCustomerToken(request, context.session);
  try {
    const group = (await listMyGroups(token)).find((g) => g.id === id);
    // someone else's group looks exactly like a missing one
    if (!group || group.status === "archived") throw new Response("Niet gevonden", { status: 404 });
    return { token, session, group };
  } catch (error) {
    if (error instanceof SignedOutError) throw signedOutRedirect(request, context.session);
    throw error;
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { group } = await ownGroup(request, context, params.id);
  return { group, map: getConfig().map };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { token, session, group } = await ownGroup(request, context, params.id);
  const { form, values } = await readForm(request, [...GROUP_EDIT_FIELDS, ...POINT_ADDRESS_FIELDS]);
  // The central address becomes the point (lat/lng); the address itself is not sent on.
  const explicit = form.get("intent") === POINT_LOOKUP_INTENT;
  const point = await pointFromAddress(values, { explicit });
  Object.assign(values, point.values);
  if (explicit || Object.keys(point.errors).length) {
    return data({ errors: point.errors, values, pointLookup: point.lookup }, { status: Object.keys(point.errors).length ? 400 : 200 });
  }

  let saved: MyGroup;
  try {
    // The backend judges the fields (StoreUpdateMyGroup) and answers per field in Dutch.
    saved = await updateMyGroup(token, group.id, values);
  } catch (error) {
    if (error instanceof SignedOutError) return signedOutRedirect(request, context.session);
    return formError(error, values);
  }
  // the admin expects their public page to show what applies now (this server process; others follow within seconds)
  resetDirectoryCache();
  session.flash("notice", {
    kind: "info",
    message: saved.pendingChanges
      ? `De gegevens van "${group.name}" zijn opgeslagen. Een nieuwe naam of plek wacht op goedkeuring; tot dan staat je groep zoals eerst op de site.`
      : `De gegevens van "${saved.name}" zijn opgeslagen.`,
  });
  return redirect("/mijn-groep", { status: 303 });
}

const decimal = (n: number | null) => (n === null ? "" : formatCoordinate(n));

export default function EditMyGroupPage() {
  const { group, map } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sending = useNavigation().state === "submitting";
  const errors: FieldErrors = actionData?.errors ?? {};
  const sent: FormValues | undefined = actionData?.values;
  const value = (name: keyof FormValues, current: string) => (sent ? (sent[name] ?? "") : current);
  // a change that waits for review is what the admin last asked for: show it, so saving again keeps it
  const requested = <T,>(field: string, live: T): T => {
    const change = group.pendingChanges?.changes.find((c) => c.field === field);
    return change ? (change.to as T) : live;
  };
  const wanted = {
    name: requested("name", group.name),
    woonplaats: requested("woonplaats", group.woonplaats),
    postcodes: requested("postcodes", group.postcodes),
    lat: requested("lat", group.lat),
    lng: requested("lng", group.lng),
  };
  const summary = orderedErrors(errors, GROUP_EDIT_FIELDS).filter(([field]) => field !== "_");

  return (
    <AccountLayout
      title={`${group.name} aanpassen`}
      crumbs={[{ label: "Mijn groep", to: "/mijn-groep" }, { label: "Gegevens aanpassen" }]}
      intro={<StatusBadge status={group.status} />}
    >
      {group.pendingChanges ? (
        <div className="mb-6">
          <PendingChangesNotice pending={group.pendingChanges} id={group.id} />
        </div>
      ) : null}
      {group.pointWarning ? (
        <div className="mb-6">
          <PointWarning message={group.pointWarning} />
        </div>
      ) : null}
      {group.status === "approved" ? (
        <p className="mb-6 text-slate-700">
          Een nieuwe naam, woonplaats, postcodes of plek op de kaart bekijken we eerst; het aantal leden past meteen aan.
        </p>
      ) : null}
      <Form method="post" noValidate className="space-y-6" aria-label="Gegevens van je groep">
        {errors._ ? <FormMessage kind="error">{errors._}</FormMessage> : null}
        <ErrorSummary errors={summary} submissionKey={actionData} />
        <Field name="name" label="Naam van de groep" required maxLength={80} defaultValue={value("name", wanted.name)} error={errors.name} />
        <Field
          name="woonplaats"
          label="Woonplaats"
          autoComplete="address-level2"
          required
          maxLength={80}
          defaultValue={value("woonplaats", wanted.woonplaats)}
          error={errors.woonplaats}
        />
        <PostcodesField defaultValue={value("postcodes", wanted.postcodes.join(", "))} error={errors.postcodes} />
        <MemberCountField defaultValue={value("member_count", String(group.memberCount))} error={errors.member_count} />
        <PointPicker
          key={JSON.stringify(actionData ?? null)}
          legend="Plek op de kaart"
          map={map}
          values={{
            lat: value("lat", decimal(wanted.lat)),
            lng: value("lng", decimal(wanted.lng)),
            punt_postcode: value("punt_postcode", ""),
            punt_huisnummer: value("punt_huisnummer", ""),
          }}
          errors={errors}
          postcodesFieldId="field-postcodes"
          serverLookup={actionData && "pointLookup" in actionData ? actionData.pointLookup : undefined}
        />
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <Button type="submit" disabled={sending}>
            {sending ? "Opslaan…" : "Opslaan"}
          </Button>
          <Link to="/mijn-groep" className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
            Annuleren
          </Link>
        </div>
      </Form>
    </AccountLayout>
  );
}
