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
import { FieldError, fieldId } from "~/components/form/Field";
import {
  MESSAGE_FIELDS,
  messagesHref,
  replyChoice,
  replyChoices,
  replySentLabel,
  threadHref,
  threadOrder,
  threadTitle,
} from "~/lib/admin-messages/admin-messages";
import { getAdminThread, messagingPage, onFormFields, replyToAdminMessage, threadPage } from "~/lib/admin-messages/admin-messages.server";
import { SignedOutError, signedOutRedirect } from "~/lib/account/account.server";
import { type FieldErrors, orderedErrors } from "~/lib/form-errors";
import { formError, formInvalid, readForm } from "~/lib/form.server";
import { withRetryAfter } from "~/lib/request/headers";
import { pageTitle } from "~/lib/seo/seo";

/** The page's heading as its title ("Waarschuwing aan 2 buurgroepen | …"; every conversation was "Bericht"). */
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: pageTitle(data?.title || "Bericht") }, { name: "robots", content: "noindex" }];
export const headers = withRetryAfter(() => ({ "Cache-Control": "private, no-store" }));

/**
 * One conversation between two groups' admins (the relayed mail's "Beantwoorden" link lands
 * here; signing in comes first) and the reply form. The form says to whom the answer goes;
 * when several groups answered (a warning's thread), the admin chooses one (radio buttons,
 * also without JavaScript), the group that wrote last checked at first. The answer goes back
 * through the relay to that group only.
 */
/** The form's fields: the reply_to choice first, as the page shows it. */
const REPLY_FIELDS = ["reply_to", ...MESSAGE_FIELDS] as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { group, groups, message, thread, firstName } = await threadPage(request, context, params.messageId ?? "");
  const ordered = threadOrder(thread);
  // one choice per group that can be answered (a warning's thread can hold replies from several)
  const choices = replyChoices(ordered);
  return {
    group: { id: group.id, name: group.name, messagingBlocked: group.messagingBlocked },
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    message: { id: message.id, kind: message.kind },
    thread: ordered,
    // a warning the group sent is named by whom it went to, not by the one group that replied
    title: threadTitle(ordered, message.kind),
    choices,
    // checked at first: the newest group (the address may name an older group's message: the
    // list links to the newest message there was, and a group may have answered since)
    replyTo: choices[0]?.messageId ?? null,
    firstName,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  // the form posts with ?groep= (its own address), so the group is known without a search
  const { token, session, group } = await messagingPage(request, context);
  const { values } = await readForm(request, REPLY_FIELDS);
  const messageId = params.messageId ?? "";
  let sentTo: string;
  try {
    // which group the answer goes to: one the group received something from in this thread
    // (checked here against the thread, and again by the backend)
    const { thread } = await getAdminThread(token, group.id, messageId);
    const ordered = threadOrder(thread);
    const choices = replyChoices(ordered);
    const choice = replyChoice(choices, ordered, values.reply_to);
    if (!choice) {
      return formInvalid(
        choices.length > 1
          ? { reply_to: "Kies aan welke groep je antwoord gaat." }
          : { _: "Dit antwoord hoort niet bij dit gesprek. Laad de pagina opnieuw en probeer het nog eens." },
        values,
      );
    }
    await replyToAdminMessage(token, group.id, choice.messageId, values);
    sentTo = choice.groupName;
  } catch (error) {
    if (error instanceof SignedOutError) return signedOutRedirect(request, context.session);
    return formError(onFormFields(error, MESSAGE_FIELDS), values);
  }
  session.flash("notice", { kind: "info", message: replySentLabel(sentTo), focus: true });
  return redirect(threadHref(messageId, group.id), { status: 303 });
}

export default function MessageThreadPage() {
  const { group, groups, message, thread, title, choices, replyTo, firstName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sending = useNavigation().state === "submitting";
  const errors: FieldErrors = actionData?.errors ?? {};
  const summary = orderedErrors(errors, REPLY_FIELDS);
  // after a refusal the choice stays as it was posted (when it is still offered)
  const chosen = choices.some((c) => c.messageId === actionData?.values?.reply_to) ? actionData!.values.reply_to : replyTo;
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
            {choices.length > 1 ? (
              <fieldset aria-describedby={errors.reply_to ? `${fieldId("reply_to")}-error` : `${fieldId("reply_to")}-hint`} data-testid="reply-choice">
                <legend className="font-semibold text-slate-900">Antwoorden aan</legend>
                <p id={`${fieldId("reply_to")}-hint`} className="text-sm text-slate-700">
                  Meerdere groepen antwoordden. Je antwoord gaat alleen naar de groep die je kiest.
                </p>
                <div className="mt-2 space-y-2">
                  {choices.map((c, i) => (
                    <label
                      key={`${c.messageId}-${chosen}`}
                      className="flex cursor-pointer items-center gap-3 rounded-lg border-2 border-slate-300 p-3 has-[:checked]:border-brand-blue has-[:checked]:bg-brand-blue-light"
                    >
                      <input
                        id={i === 0 ? fieldId("reply_to") : `${fieldId("reply_to")}-${i}`}
                        type="radio"
                        name="reply_to"
                        value={c.messageId}
                        defaultChecked={c.messageId === chosen}
                        aria-invalid={errors.reply_to ? true : undefined}
                        className="h-5 w-5 shrink-0 accent-brand-blue"
                      />
                      <span className="font-medium break-words">{c.groupName}</span>
                    </label>
                  ))}
                </div>
                <FieldError name="reply_to" error={errors.reply_to} />
              </fieldset>
            ) : (
              <>
                <input type="hidden" name="reply_to" value={replyTo} />
                <p className="text-slate-900" data-testid="reply-recipient">
                  Je antwoord gaat naar <strong>{choices[0]?.groupName ?? "de andere groep"}</strong>.
                </p>
              </>
            )}
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
