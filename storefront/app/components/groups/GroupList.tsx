import { Icon } from "~/components/Icon";
import { Link } from "@remix-run/react";

/** What a list entry shows (GroupSummary from groups.server.ts, as the loader sends it). */
export type GroupListItem = {
  slug: string;
  name: string;
  woonplaats: string;
  gemeente: string;
  membersLabel: string;
  distanceLabel: string | null;
  coversPostcode: boolean;
  postcodes: string[];
};

type GroupListProps = {
  groups: GroupListItem[];
  /** Heading level of each group's name inside the page outline. */
  headingLevel?: 2 | 3;
  /** The searched postcode, for the "Actief in 3511" badge. */
  postcode?: string | null;
  /** Hide "gemeente X" (on a municipality's own page). */
  hideGemeente?: boolean;
};

/** The directory's result list: one card per group; the name links to the group's page. */
export function GroupList({ groups, headingLevel = 3, postcode = null, hideGemeente = false }: GroupListProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol role="list" data-testid="group-list" className="space-y-3">
      {groups.map((group) => (
        <li key={group.slug}>
          <article
            data-testid="group-result"
            className="relative flex flex-wrap items-start gap-x-4 gap-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition-shadow hover:border-brand-blue hover:shadow-md sm:p-5"
          >
            <div className="min-w-0 flex-1">
              <Heading className="text-lg leading-snug font-bold text-brand-blue">
                <Link
                  to={`/groepen/${group.slug}`}
                  prefetch="intent"
                  className="after:absolute after:inset-0 after:rounded-xl hover:underline focus-visible:outline-none focus-visible:after:outline-3 focus-visible:after:outline-offset-2 focus-visible:after:outline-brand-blue focus-visible:after:outline-solid"
                >
                  {group.name}
                </Link>
              </Heading>
              <p className="mt-1 flex items-center gap-1.5 text-slate-700">
                <Icon name="pin" className="h-4 w-4 shrink-0" />
                <span>
                  {group.woonplaats}
                  {!hideGemeente && group.gemeente !== group.woonplaats ? <>, gemeente {group.gemeente}</> : null}
                </span>
              </p>
              <p className="mt-1 flex items-center gap-1.5 text-sm text-slate-700" data-testid="group-members">
                <Icon name="people" className="h-4 w-4 shrink-0" />
                {group.membersLabel}
                <span className="text-slate-500" aria-hidden="true">
                  ·
                </span>
                <span>
                  <span className="sr-only">Postcodes: </span>
                  {group.postcodes.join(", ")}
                </span>
              </p>
            </div>
            <GroupBadges group={group} postcode={postcode} />
          </article>
        </li>
      ))}
    </ol>
  );
}

/**
 * The badges on the right of an entry: "Actief in 3581" for a group that covers the
 * searched postcode, else the distance. Both together would contradict each other (a
 * covering group with a far pin is "158 km" away yet active in the postcode).
 */
export function GroupBadges({
  group,
  postcode,
}: {
  group: Pick<GroupListItem, "distanceLabel" | "coversPostcode">;
  postcode: string | null;
}) {
  const covers = Boolean(postcode) && group.coversPostcode;
  const distance = covers ? null : group.distanceLabel;
  if (!distance && !covers) return null;
  return (
    <div className="flex flex-col items-end gap-1.5 text-right">
      {distance ? (
        <p className="rounded-full bg-brand-blue-light px-3 py-1 text-sm font-bold whitespace-nowrap text-brand-blue">
          <span className="sr-only">Afstand: </span>
          <span data-testid="group-distance">{distance}</span>
        </p>
      ) : null}
      {covers ? (
        <p className="rounded-full bg-brand-yellow px-3 py-1 text-xs font-bold whitespace-nowrap text-slate-950">
          Actief in {postcode}
        </p>
      ) : null}
    </div>
  );
}
