import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { AccountLayout, FormMessage } from "~/components/account/AccountLayout";
import { MessageFields } from "~/components/account/MessageFields";
import { MessagingNav } from "~/components/account/MessagingNav";
import { MessagingBlockedNotice } from "~/components/account/MessagingBlockedNotice";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { MESSAGE_FIELDS, nearbyHref, threadHref } from "~/lib/admin-messages/admin-messages";
import { loadMessaging, messagingPage, nearbyGroups, onFormFields, sendAdminMessage } from "~/lib/admin-messages/admin-messages.server";
import { failureStatus } from "~/lib/backend/backend.server";
import { SignedOutError, signedOutRedirect } from "~/lib/account/account.server";
import { type FieldErrors, orderedErrors } from "~/lib/form-errors";
import { formError, readForm } from "~/lib/form.server";
import { withRetryAfter } from "~/lib/request/headers";
import { pageTitle } from "~/lib/seo/seo";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data?.target ? `Bericht aan ${data.target.name}` : "Bericht aan een buurgroep") },
  { name: "robots", content: "noindex" },
];
export const headers = withRetryAfter(() => ({ "Cache-Control": "private, no-store" }));

/** The widest choice: every group the nearby list can show, so the page can name the target. */
const WIDEST_KM = "5";

/**
 * "Stuur bericht" to one nearby group (`/mijn-groep/buurgroepen/{id}/bericht?groep={own id}`).
 * The page names the group when it is in the admin's nearby list and can receive messages;
 * whether it may be sent is the backend's decision when the form is posted.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { token, group, groups, firstName } = await messagingPage(request, context);
  // The list only names the receiver: when it cannot be read now (slow or refused), the page
  // says so in place, and a form error from the action still shows (attacker's walk: a slow
  // lookup after a refused send showed the outage page instead of the backend's answer).
  const nearby = await loadMessaging(request, context, () =>
    nearbyGroups(token, group.id, WIDEST_KM).catch((error: unknown) => {
      if (error instanceof SignedOutError || failureStatus(error) === 404) throw error;
      return null;
    }),
  );
  const target = nearby?.groups.find((g) => g.id === params.groupId) ?? null;
  return {
    group: { id: group.id, name: group.name, messagingBlocked: group.messagingBlocked },
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    target: target ? { id: target.id, name: target.name, woonplaats: target.woonplaats, distanceLabel: target.distanceLabel, reachable: target.reachable } : null,
    firstName,
    nearbyUnavailable: nearby === null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { token, session, group } = await messagingPage(request, context);
  const { values } = await readForm(request, MESSAGE_FIELDS);
  let sent: { id: string };
  try {
    // The backend judges the fields, who may message whom and the limits, per field in Dutch.
    sent = await sendAdminMessage(token, group.id, params.groupId ?? "", values);
  } catch (error) {
    if (error instanceof SignedOutError) return signedOutRedirect(request, context.session);
    return formError(onFormFields(error, MESSAGE_FIELDS), values);
  }
  session.flash("notice", { kind: "info", message: "Je bericht is verstuurd. Een antwoord krijg je per e-mail en staat ook hier.", focus: true });
  return redirect(threadHref(sent.id, group.id), { status: 303 });
}

/** Why the form is not shown: the backend's answer to the last send first, then why the page cannot tell. */
function cannotSendMessage(refusal: string | undefined, nearbyUnavailable: boolean): string {
  if (refusal) return refusal;
  if (nearbyUnavailable) return "De buurgroepen konden nu niet worden opgehaald. Probeer het over een paar minuten opnieuw.";
  return "Deze groep kan geen berichten ontvangen.";
}

export default function ComposeMessagePage() {
  const { group, groups, target, firstName, nearbyUnavailable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sending = useNavigation().state === "submitting";
  const errors: FieldErrors = actionData?.errors ?? {};
  const summary = orderedErrors(errors, MESSAGE_FIELDS);
  const canSend = target?.reachable && !group.messagingBlocked;
  return (
    <AccountLayout
      title={target ? `Bericht aan ${target.name}` : "Bericht aan een buurgroep"}
      crumbs={[
        { label: "Mijn groep", to: "/mijn-groep" },
        { label: "Buurgroepen", to: nearbyHref(group.id) },
        { label: "Bericht" },
      ]}
      intro={
        target ? (
          // how the message goes only where one can be sent (stranger's walk: said above the block notice)
          <p>
            {target.woonplaats} · {target.distanceLabel}.
            {canSend ? (
              <>
                {" "}
                Je bericht gaat per e-mail naar de beheerder, met je voornaam en de naam van je groep ({group.name}). Antwoorden gaan ook
                via de winkel.
              </>
            ) : null}
          </p>
        ) : null
      }
    >
      <MessagingNav current="buurgroepen" inside group={group} groups={groups} />
      {group.messagingBlocked ? (
        <MessagingBlockedNotice />
      ) : !canSend ? (
        <FormMessage kind="error">{cannotSendMessage(actionData?.errors?._, nearbyUnavailable)}</FormMessage>
      ) : (
        <Form method="post" noValidate className="space-y-6" aria-label={`Bericht aan ${target!.name}`}>
          <ErrorSummary errors={summary} submissionKey={actionData} />
          {/* the first name starts as the account's (stranger's walk: typed again every time); the admin may change it */}
          <MessageFields errors={errors} values={actionData?.values ?? { first_name: firstName ?? "" }} />
          <p className="text-sm text-slate-700">
            Je e-mailadres en telefoonnummer blijven verborgen, ook in een antwoord. Wil je ze toch delen, zet ze dan zelf in je bericht.
            Elke e-mail heeft een link om misbruik te melden.
          </p>
          <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
            <Button type="submit" disabled={sending}>
              {sending ? "Versturen…" : "Bericht versturen"}
            </Button>
            <Link to={nearbyHref(group.id)} className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
              Annuleren
            </Link>
          </div>
        </Form>
      )}
    </AccountLayout>
  );
}
