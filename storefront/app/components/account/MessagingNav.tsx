import { Link } from "@remix-run/react";
import { messagesHref, nearbyHref, warnHref } from "~/lib/admin-messages/admin-messages";

export type MessagingSection = "buurgroepen" | "berichten" | "waarschuwen";

const SECTIONS: { key: MessagingSection; label: string; href: (id: string) => string }[] = [
  { key: "buurgroepen", label: "Buurgroepen", href: (id) => nearbyHref(id) },
  { key: "berichten", label: "Berichten", href: (id) => messagesHref(id) },
  { key: "waarschuwen", label: "Waarschuwen", href: (id) => warnHref(id) },
];

/**
 * The messaging pages' own navigation (plain links, so it works without JavaScript; the
 * current one has aria-current: "page" on the section's own page, "true" on a page inside it
 * (a conversation, a message to one group), styled alike; on a 390 px phone the three fit on one line, and wrap rather
 * than overflow on a narrower one or with larger text), and, for an admin of more than one approved group, which
 * group the page is about.
 */
export function MessagingNav({
  current,
  inside = false,
  group,
  groups,
}: {
  current: MessagingSection | null;
  /** The page is inside the current section (a conversation in Berichten, a message from Buurgroepen), not its list. */
  inside?: boolean;
  group: { id: string; name: string };
  groups: { id: string; name: string }[];
}) {
  const section = SECTIONS.find((s) => s.key === current) ?? SECTIONS[0]!;
  return (
    <div className="mb-8 space-y-4">
      <nav aria-label="Andere beheerders">
        <ul className="flex flex-wrap gap-1 rounded-lg border-2 border-brand-blue bg-brand-blue-light p-1">
          {SECTIONS.map((s) => {
            const isCurrent = s.key === current;
            return (
              <li key={s.key} className="grow">
                <Link
                  to={s.href(group.id)}
                  aria-current={isCurrent ? (inside ? "true" : "page") : undefined}
                  className={`block rounded-md px-1.5 py-2.5 text-center text-sm font-semibold sm:px-3 sm:text-base ${
                    isCurrent ? "bg-brand-blue text-white" : "text-brand-blue underline underline-offset-2 hover:bg-white hover:no-underline"
                  }`}
                >
                  {s.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {groups.length > 1 ? (
        <nav aria-label="Kies je groep" className="text-slate-800">
          <span className="font-semibold">Voor groep: </span>
          <ul className="inline">
            {groups.map((g, i) => (
              <li key={g.id} className="inline">
                {i > 0 ? <span aria-hidden="true"> · </span> : null}
                {g.id === group.id ? (
                  <span aria-current="page" className="font-semibold">
                    {g.name}
                  </span>
                ) : (
                  <Link to={section.href(g.id)} className="text-brand-blue underline underline-offset-2 hover:no-underline">
                    {g.name}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
