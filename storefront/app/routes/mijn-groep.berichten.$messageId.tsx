import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { AccountLayout } from "~/components/account/AccountLayout";
import { MessageFields } from "~/components/account/MessageFields";
import { MessageKindBadge } from "~/components/account/MessageKindBadge";
import { MessagingNav } from "~/components/account/MessagingNav";
import { MessagingBlockedNotice } from "~/components/account/MessagingBlockedNotice";
import { RecipientGroups } from "~/components/account/RecipientGroups";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { MESSAGE_FIELDS, messagesHref, replyTarget, threadHref, threadOrder, threadTitle } from "~/lib/admin-messages/admin-messages";
import { messagingPage, onFormFields, replyToAdminMessage, threadPage } from "~/lib/admin-messages/admin-messages.server";
import { SignedOutError, signedOutRedirect } from "~/lib/account/account.server";
import { type FieldErrors, orderedErrors } from "~/lib/form-errors";
import { formError, readForm } from "~/lib/form.server";
import { withRetryAfter } from "~/lib/request/headers";
import { pageTitle } from "~/lib/seo/seo";

export const meta: MetaFunction = () => [{ title: pageTitle("Bericht") }, { name: "robots", content: "noindex" }];
export const headers = withRetryAfter(() => ({ "Cache-Control": "private, no-store" }));

/**
 * One conversation between two groups' admins (the relayed mail's "Beantwoorden" link lands
 * here; signing in comes first) and the reply form. A reply answers the message the address
 * names when the admin's group received it, else the newest one it received in the
 * conversation, and goes back through the relay.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { group, groups, message, thread, firstName } = await threadPage(request, context, params.messageId ?? "");
  const ordered = threadOrder(thread);
  // the message the link named when the group received it (a warning's thread can hold replies
  // from several groups), else the newest one it received
  const target = message.direction === "received" ? message : replyTarget(ordered);
  return {
    group: { id: group.id, name: group.name, messagingBlocked: group.messagingBlocked },
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    message: { id: message.id, kind: message.kind },
    thread: ordered,
    // a warning the group sent is named by whom it went to, not by the one group that replied
    title: threadTitle(ordered, message.kind),
    replyTo: target?.id ?? null,
    firstName,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  // the form posts with ?groep= (its own address), so the group is known without a search
  const { token, session, group } = await messagingPage(request, context);
  const { values, text } = await readForm(request, MESSAGE_FIELDS);
  const messageId = params.messageId ?? "";
  // which message the reply answers: the backend checks that this group received it
  const replyTo = text("reply_to") || messageId;
  try {
    await replyToAdminMessage(token, group.id, replyTo, values);
  } catch (error) {
    if (error instanceof SignedOutError) return signedOutRedirect(request, context.session);
    return formError(onFormFields(error, MESSAGE_FIELDS), values);
  }
  session.flash("notice", { kind: "info", message: "Je antwoord is verstuurd.", focus: true });
  return redirect(threadHref(messageId, group.id), { status: 303 });
}

export default function MessageThreadPage() {
  const { group, groups, message, thread, title, replyTo, firstName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sending = useNavigation().state === "submitting";
  const errors: FieldErrors = actionData?.errors ?? {};
  const summary = orderedErrors(errors, MESSAGE_FIELDS);
  return (
    <AccountLayout
      title={title}
      crumbs={[
        { label: "Mijn groep", to: "/mijn-groep" },
        { label: "Berichten", to: messagesHref(group.id) },
        { label: "Bericht" },
      ]}
    >
      <MessagingNav current="berichten" inside group={group} groups={groups} />
      <ol className="space-y-4" aria-label="Berichten in dit gesprek" data-testid="thread">
        {thread.map((m) => {
          const from = m.direction === "sent" ? `${m.senderFirstName} (jij, ${group.name})` : `${m.senderFirstName} (${m.otherGroupName ?? "andere groep"})`;
          return (
            <li key={m.id}>
              <article
                aria-label={`${m.kindLabel} van ${from}, ${m.createdLabel}`}
                data-testid="thread-message"
                data-direction={m.direction}
                className={`rounded-xl border-2 p-5 ${m.direction === "sent" ? "ml-6 border-brand-blue-light bg-brand-blue-light" : "mr-6 border-slate-200 bg-white"}`}
              >
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <MessageKindBadge kind={m.kind} />
                  <time dateTime={m.createdAt} className="text-sm text-slate-700">
                    {m.createdLabel}
                  </time>
                </div>
                <p className="mt-2 font-semibold text-slate-900">
                  Van {from}
                  {m.direction === "sent" && m.kind === "warning" && m.recipients !== null ? `, ${m.partyLabel.toLowerCase()}` : null}
                </p>
                <p className="mt-2 break-words whitespace-pre-line text-slate-900" data-testid="thread-body">
                  {m.body}
                </p>
                <RecipientGroups groups={m.recipientGroups} id={`ontvangers-${m.id}`} className="mt-3" />
              </article>
            </li>
          );
        })}
      </ol>

      <section aria-labelledby="antwoord-kop" className="mt-10">
        <h2 id="antwoord-kop" className="text-2xl font-bold text-slate-900">
          Antwoorden
        </h2>
        {group.messagingBlocked ? (
          <div className="mt-3">
            <MessagingBlockedNotice />
          </div>
        ) : replyTo ? (
          // A reply that went out adds to the thread: the form starts afresh (with JavaScript the page
          // stays mounted after the redirect, and the sent text stayed in the field, inviting a second send).
          <Form
            key={thread.length}
            method="post"
            action={threadHref(message.id, group.id)}
            noValidate
            className="mt-4 space-y-6"
            aria-labelledby="antwoord-kop"
          >
            <ErrorSummary errors={summary} submissionKey={actionData} />
            <input type="hidden" name="reply_to" value={replyTo} />
            <MessageFields errors={errors} values={actionData?.values ?? { first_name: firstName ?? "" }} messageLabel="Je antwoord" />
            <p className="text-sm text-slate-700">
              Je antwoord gaat via de winkel; je e-mailadres en telefoonnummer blijven verborgen, tenzij je ze zelf in je antwoord zet.
            </p>
            <Button type="submit" disabled={sending}>
              {sending ? "Versturen…" : "Antwoord versturen"}
            </Button>
          </Form>
        ) : (
          <p className="mt-2 text-slate-700" data-testid="no-reply">
            Je hebt nog geen antwoord gekregen. Zodra {message.kind === "warning" ? "een van de gewaarschuwde groepen" : "de andere beheerder"} antwoordt,
            krijg je een e-mail en kun je hier reageren.
          </p>
        )}
      </section>
    </AccountLayout>
  );
}
