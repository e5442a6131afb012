import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { AccountLayout } from "~/components/account/AccountLayout";
import { GroupCard } from "~/components/account/GroupCard";
import { AdminMessaging } from "~/components/account/AdminMessaging";
import { PointWarning } from "~/components/groups/PointWarning";
import { PendingChangesNotice } from "~/components/account/PendingChangesNotice";
import { AreaNotices } from "~/components/groups/AreaNotices";
import { listMyGroups, requireCustomerToken, SignedOutError, signedOutRedirect } from "~/lib/account/account.server";
import { privatePageHeaders } from "~/lib/request/headers";
import { getAreaNotices } from "~/lib/notices/notices.server";
import { pageTitle } from "~/lib/seo/seo";
import { GroupOrderCounts } from "~/components/groups/GroupOrderCounts";
import { ShareInWhatsApp } from "~/components/groups/ShareInWhatsApp";
import { myGroupShares } from "~/lib/groups/group-share.server";
import { setAdminMessaging } from "~/lib/admin-messages/admin-messages.server";
import { formError, readForm } from "~/lib/form.server";
import type { FieldErrors } from "~/lib/form-errors";

export const meta: MetaFunction = () => [{ title: pageTitle("Mijn groep") }, { name: "robots", content: "noindex" }];
export const headers = privatePageHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { token } = requireCustomerToken(request, context.session);
  try {
    const groups = await listMyGroups(token);
    // Current notices from the wijkagent or municipality for each listed group's area.
    const [notices, shares] = await Promise.all([
      Promise.all(groups.map((g) => (g.status === "approved" ? getAreaNotices(g.slug) : []))),
      // the order link to share and what members ordered through it (counts only)
      myGroupShares(token, groups),
    ]);
    return { groups, shares, notices: Object.fromEntries(groups.map((g, i) => [g.id, notices[i]!])) };
  } catch (error) {
    if (error instanceof SignedOutError) throw signedOutRedirect(request, context.session);
    throw error;
  }
}

/**
 * "Andere beheerders mogen mij een bericht sturen", per group (issue #30): a plain form post,
 * also without JavaScript. An unticked box is not sent at all: that is "off". The backend
 * applies it at once (no staff review) and refuses it for a group that is not approved.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const { token, session } = requireCustomerToken(request, context.session);
  const { values, text } = await readForm(request, ["group_id"]);
  if (text("intent") !== "messaging") return redirect("/mijn-groep", { status: 303 });
  const enabled = text("enabled") === "ja";
  let now: boolean;
  try {
    now = await setAdminMessaging(token, values.group_id, enabled);
  } catch (error) {
    if (error instanceof SignedOutError) return signedOutRedirect(request, context.session);
    return formError(error, values);
  }
  session.flash("notice", {
    kind: "info",
    message: now
      ? "Opgeslagen: beheerders van groepen in de buurt kunnen je nu een bericht sturen via de winkel."
      : "Opgeslagen: andere beheerders kunnen je geen bericht meer sturen.",
    focus: true,
  });
  return redirect("/mijn-groep", { status: 303 });
}

/** The setting has one control: the refusal in one sentence (the whole form's, else the first field's). */
const settingError = (errors: FieldErrors) => errors._ ?? Object.values(errors).find((e): e is string => typeof e === "string");

export default function MyGroupPage() {
  const { groups, notices, shares } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const sendingFor = navigation.state === "submitting" ? navigation.formData?.get("group_id") : null;
  return (
    <AccountLayout
      wide
      title="Mijn groep"
      crumbs={[{ label: "Groepen", to: "/groepen" }, { label: "Mijn groep" }]}
      intro={<p>Beheer de gegevens van je buurtpreventiegroep en bestel borden en stickers voor je buurt.</p>}
    >
      <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="space-y-6">
          {groups.length ? (
            groups.map((group) => (
              <div key={group.id} className="space-y-4">
                <GroupCard group={group} />
                <PointWarning message={group.pointWarning} editHref={`/mijn-groep/${group.id}`} />
                {group.pendingChanges ? <PendingChangesNotice pending={group.pendingChanges} id={group.id} /> : null}
                {shares[group.id] ? (
                  <>
                    <ShareInWhatsApp id={`delen-${group.id}`} headingLevel={3} groupName={group.name} {...shares[group.id]!.share} />
                    <GroupOrderCounts id={`besteld-${group.id}`} counts={shares[group.id]!.counts} />
                  </>
                ) : null}
                {group.status === "approved" ? (
                  <AdminMessaging
                    group={group}
                    sending={sendingFor === group.id}
                    error={actionData?.values.group_id === group.id ? settingError(actionData.errors) : undefined}
                  />
                ) : null}
                <AreaNotices notices={notices[group.id] ?? []} headingLevel={3} headingId={`meldingen-${group.id}`} />
              </div>
            ))
          ) : (
            <p className="text-slate-700">Er staan geen groepen bij je account.</p>
          )}
        </div>
        <aside aria-labelledby="account-acties" className="h-fit space-y-6 rounded-xl bg-slate-50 p-6">
          <h2 id="account-acties" className="text-lg font-bold text-slate-900">
            Je account
          </h2>
          <Form method="post" action="/uitloggen">
            <Button type="submit" variant="secondary">
              Uitloggen
            </Button>
          </Form>
          <div>
            <h3 className="font-semibold text-slate-900">Je gegevens verwijderen</h3>
            <p className="mt-1 text-sm text-slate-700">
              Je groepen gaan van de kaart, je naam, e-mailadres en telefoonnummer worden gewist en je account verdwijnt.
            </p>
            <Link
              to="/mijn-groep/verwijderen"
              className="mt-2 inline-block font-semibold text-red-800 underline underline-offset-2 hover:no-underline"
            >
              Verwijder mijn gegevens
            </Link>
          </div>
        </aside>
      </div>
    </AccountLayout>
  );
}
