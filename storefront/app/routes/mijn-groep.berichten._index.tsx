import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AccountLayout } from "~/components/account/AccountLayout";
import { MessagingNav } from "~/components/account/MessagingNav";
import { nearbyHref, threadHref } from "~/lib/admin-messages/admin-messages";
import { MessageKindBadge } from "~/components/account/MessageKindBadge";
import { listAdminMessages, loadMessaging, messagingPage } from "~/lib/admin-messages/admin-messages.server";
import { privatePageHeaders } from "~/lib/request/headers";
import { pageTitle } from "~/lib/seo/seo";

export const meta: MetaFunction = () => [{ title: pageTitle("Berichten") }, { name: "robots", content: "noindex" }];
export const headers = privatePageHeaders;

/** The group's history: messages, replies and warnings sent and received, newest first. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { token, group, groups } = await messagingPage(request, context);
  const messages = await loadMessaging(request, context, () => listAdminMessages(token, group.id));
  return { group: { id: group.id, name: group.name }, groups: groups.map((g) => ({ id: g.id, name: g.name })), messages };
}

export default function MessagesPage() {
  const { group, groups, messages } = useLoaderData<typeof loader>();
  return (
    <AccountLayout
      wide
      title="Berichten"
      crumbs={[{ label: "Mijn groep", to: "/mijn-groep" }, { label: "Berichten" }]}
      intro={
        <p>
          Berichten, antwoorden en waarschuwingen tussen <strong>{group.name}</strong> en andere beheerders. Ze gaan per e-mail via de
          winkel; e-mailadressen en telefoonnummers blijven verborgen.
        </p>
      }
    >
      <div className="max-w-3xl">
        <MessagingNav current="berichten" group={group} groups={groups} />
        {messages.length ? (
          <ol className="space-y-4" data-testid="message-list">
            {messages.map((m) => (
              <li key={m.id}>
                <article
                  aria-labelledby={`bericht-${m.id}`}
                  data-testid="message-item"
                  data-direction={m.direction}
                  className="rounded-xl border-2 border-slate-200 bg-white p-5"
                >
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <MessageKindBadge kind={m.kind} />
                    <time dateTime={m.createdAt} className="text-sm text-slate-700">
                      {m.createdLabel}
                    </time>
                  </div>
                  <h2 id={`bericht-${m.id}`} className="mt-2 text-lg font-bold text-slate-900">
                    {m.partyLabel}
                  </h2>
                  <p className="mt-1 text-slate-800">{m.excerpt}</p>
                  <p className="mt-2">
                    <Link to={threadHref(m.id, group.id)} className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
                      {m.direction === "received" ? "Lezen en beantwoorden" : "Lezen"}
                      <span className="sr-only">: {m.partyLabel}, {m.createdLabel}</span>
                    </Link>
                  </p>
                </article>
              </li>
            ))}
          </ol>
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
