import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AccountLayout } from "~/components/account/AccountLayout";
import { MessagingNav } from "~/components/account/MessagingNav";
import { RecipientGroups } from "~/components/account/RecipientGroups";
import { Pagination, useFocusAfterPageChange } from "~/components/groups/Pagination";
import { conversationLinkName, conversationsHref, excerpt, nearbyHref, repliesLabel, threadHref } from "~/lib/admin-messages/admin-messages";
import { MessageKindBadge } from "~/components/account/MessageKindBadge";
import { listConversations, loadMessaging, messagingPage } from "~/lib/admin-messages/admin-messages.server";
import { parsePage } from "~/lib/groups/group-view";
import { privatePageHeaders } from "~/lib/request/headers";
import { pageTitle } from "~/lib/seo/seo";

export const meta: MetaFunction = () => [{ title: pageTitle("Berichten") }, { name: "robots", content: "noindex" }];
export const headers = privatePageHeaders;

/**
 * The group's history as conversations, newest activity first, 20 a page (`?pagina=`, plain
 * Vorige/Volgende links): one row per conversation (a message and its replies, a warning and
 * the replies to it) with how it started, the newest message and the number of replies
 * (stranger's walk: each message and reply had its own row). The backend groups them, so a
 * conversation started long ago shows how it started. A warning the group sent names the
 * groups it went to. A blocked admin reads ("Lezen"); answering is not offered.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { token, group, groups } = await messagingPage(request, context);
  const page = parsePage(new URL(request.url).searchParams.get("pagina"));
  const { conversations, pagination } = await loadMessaging(request, context, () => listConversations(token, group.id, page));
  // past the last page (an old link, conversations erased since): the last page there is
  if (!conversations.length && page > pagination.pageCount) throw redirect(conversationsHref(group.id, pagination.pageCount));
  return {
    group: { id: group.id, name: group.name, messagingBlocked: group.messagingBlocked },
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    conversations,
    pagination,
  };
}

export default function MessagesPage() {
  const { group, groups, conversations, pagination } = useLoaderData<typeof loader>();
  // after Vorige/Volgende: focus on the list, so the next Tab reaches its first conversation
  const list = useFocusAfterPageChange<HTMLOListElement>();
  return (
    <AccountLayout
      wide
      title="Berichten"
      crumbs={[{ label: "Mijn groep", to: "/mijn-groep" }, { label: "Berichten" }]}
      intro={
        <p>
          Gesprekken en waarschuwingen tussen <strong>{group.name}</strong> en andere beheerders. Ze gaan per e-mail via de winkel;
          e-mailadressen en telefoonnummers blijven verborgen.
        </p>
      }
    >
      <div className="max-w-3xl">
        <MessagingNav current="berichten" group={group} groups={groups} />
        {conversations.length ? (
          <ol ref={list} tabIndex={-1} aria-label="Gesprekken" className="space-y-4" data-testid="message-list">
            {conversations.map((c) => {
              const action = c.canReply && !group.messagingBlocked ? "Lezen en beantwoorden" : "Lezen";
              return (
                <li key={c.threadId}>
                  <article
                    aria-labelledby={`gesprek-${c.threadId}`}
                    data-testid="message-item"
                    className="rounded-xl border-2 border-slate-200 bg-white p-5"
                  >
                    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                      <MessageKindBadge kind={c.kind} />
                      <span className="text-sm text-slate-700" data-testid="message-replies">
                        {repliesLabel(c.replies)}
                      </span>
                    </div>
                    <h2 id={`gesprek-${c.threadId}`} className="mt-2 text-lg font-bold break-words text-slate-900" data-testid="message-title">
                      {c.title}
                    </h2>
                    <RecipientGroups groups={c.recipientGroups} id={`ontvangers-${c.threadId}`} />
                    {c.first.id !== c.latest.id ? (
                      // how it started, so two conversations with the same newest words can be told apart (stranger's walk)
                      <p className="mt-1 text-sm break-words text-slate-700" data-testid="message-first">
                        Begonnen <time dateTime={c.first.createdAt}>{c.first.createdLabel}</time>: “{excerpt(c.first.body, 80)}”
                      </p>
                    ) : null}
                    <p className="mt-1 text-sm text-slate-700" data-testid="message-latest">
                      Laatste: {c.latest.partyLabel.charAt(0).toLowerCase() + c.latest.partyLabel.slice(1)},{" "}
                      <time dateTime={c.latest.createdAt}>{c.latest.createdLabel}</time>
                    </p>
                    <p className="mt-1 break-words text-slate-800">{c.latest.excerpt}</p>
                    <p className="mt-2">
                      {/* the whole name in aria-label: a visually hidden span gave "Lezen : Gesprek…" in Chromium */}
                      <Link
                        to={threadHref(c.latest.id, group.id)}
                        aria-label={conversationLinkName(action, c)}
                        className="inline-block py-1 font-semibold text-brand-blue underline underline-offset-2 hover:no-underline"
                      >
                        {action}
                      </Link>
                    </p>
                  </article>
                </li>
              );
            })}
          </ol>
        ) : null}
        {conversations.length ? (
          <Pagination
            label={pagination.label}
            page={pagination.page}
            pageCount={pagination.pageCount}
            previousPage={pagination.previousPage}
            nextPage={pagination.nextPage}
            hrefFor={(page) => conversationsHref(group.id, page)}
          />
        ) : (
          <p className="text-slate-700" data-testid="no-messages">
            Nog geen berichten. Stuur een groep in de buurt een bericht via{" "}
            <Link to={nearbyHref(group.id)} className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
              Buurgroepen
            </Link>
            .
          </p>
        )}
      </div>
    </AccountLayout>
  );
}
