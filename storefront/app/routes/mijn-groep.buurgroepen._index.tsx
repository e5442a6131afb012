import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge } from "~/components/Badge";
import { AccountLayout, FormMessage } from "~/components/account/AccountLayout";
import { MessagingNav } from "~/components/account/MessagingNav";
import { MessagingBlockedNotice } from "~/components/account/MessagingBlockedNotice";
import {
  chosenKm,
  composeHref,
  EMERGENCY_LINE,
  KM_CHOICES,
  NO_WARNING_RECIPIENTS,
  settingHref,
  warningReach,
  type WarningReach,
  widerReachLabel,
  kmParam,
  NEARBY_RULE,
  nearbyHref,
  SETTING_LABEL,
  nearbySummary,
  type NearbyGroup,
  notReachableLabel,
  warnHref,
} from "~/lib/admin-messages/admin-messages";
import { loadMessaging, messagingPage, nearbyGroups, warningRecipients } from "~/lib/admin-messages/admin-messages.server";
import { SignedOutError, signedOutRedirect } from "~/lib/account/account.server";
import { failureStatus, toBackendFailure } from "~/lib/backend/backend.server";
import { privatePageHeaders } from "~/lib/request/headers";
import { pageTitle } from "~/lib/seo/seo";

export const meta: MetaFunction = () => [{ title: pageTitle("Buurgroepen") }, { name: "robots", content: "noindex" }];
export const headers = privatePageHeaders;

const linkClass = "font-semibold text-brand-blue underline underline-offset-2 hover:no-underline";

/**
 * The approved groups near one of the admin's own (`?groep=`): shared or adjacent postcodes,
 * or a postcode area or point within 1, 2 or 5 km (`?km=`, 2 by default; the backend judges
 * the value; NEARBY_RULE says it in words). Name, place, distance and whether their admin can
 * be reached; never an admin's name or address. A blocked admin sees the groups as they are,
 * without the links to write (MessagingBlockedNotice says why).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { token, group, groups } = await messagingPage(request, context);
  const raw = new URL(request.url).searchParams.get("km");
  const nearby = await loadMessaging(request, context, () =>
    nearbyGroups(token, group.id, kmParam(raw)).catch((error: unknown) => {
      // a distance the backend refuses ("Kies 1, 2 of 5 km."): said above the choice, not a broken page
      if (failureStatus(error) !== 400) throw error;
      const failure = toBackendFailure(error);
      return { km: null, groups: [] as NearbyGroup[], error: failure.fieldErrors.km ?? failure.message };
    }),
  );
  const error = "error" in nearby ? nearby.error : null;
  const km = nearby.km === null ? null : chosenKm(String(nearby.km));
  // whether a warning can reach anyone: the chosen distance's list tells when it has a reachable
  // group (or is the widest); else one lookup at the widest (stranger's walk: "geen enkele
  // bereikbaar" above "Schrijf een waarschuwing"). A failed lookup leaves the link as it was.
  let reach: WarningReach = { state: "unknown" };
  if (km !== null && !group.messagingBlocked) {
    const here = nearby.groups.filter((g) => g.reachable).length;
    if (here > 0) reach = { state: "some", km, wantedEmpty: false, count: here };
    else if (km === Math.max(...KM_CHOICES)) reach = { state: "none" };
    else {
      const wider = await warningRecipients(token, group.id).catch((failure: unknown) => {
        if (failure instanceof SignedOutError) throw signedOutRedirect(request, context.session);
        return null;
      });
      reach = warningReach(wider?.counts ?? null, km);
    }
  }
  return data(
    {
      group: { id: group.id, name: group.name, adminMessagesEnabled: group.adminMessagesEnabled, messagingBlocked: group.messagingBlocked },
      groups: groups.map((g) => ({ id: g.id, name: g.name })),
      km,
      nearby: nearby.groups,
      reach,
      error,
    },
    error ? { status: 400 } : undefined,
  );
}

export default function NearbyGroupsPage() {
  const { group, groups, km, nearby, reach, error } = useLoaderData<typeof loader>();
  return (
    <AccountLayout
      wide
      title="Buurgroepen"
      crumbs={[{ label: "Mijn groep", to: "/mijn-groep" }, { label: "Buurgroepen" }]}
      intro={
        <p>
          Groepen rond <strong>{group.name}</strong>. Je stuurt hun beheerder een bericht via de winkel; e-mailadressen en
          telefoonnummers blijven verborgen.
        </p>
      }
    >
      <div className="max-w-3xl">
        <MessagingNav current="buurgroepen" group={group} groups={groups} />

        {!group.adminMessagesEnabled ? (
          <div className="mb-6">
            <FormMessage kind="info">
              Andere beheerders kunnen jou nu geen bericht sturen. Dat zet je aan bij{" "}
              <Link to={settingHref(group.id)} className={linkClass}>
                &quot;{SETTING_LABEL}&quot; op Mijn groep
              </Link>
              .
            </FormMessage>
          </div>
        ) : null}
        {group.messagingBlocked ? (
          <div className="mb-6">
            <MessagingBlockedNotice />
          </div>
        ) : null}

        <nav aria-labelledby="afstand-kop" className="space-y-2">
          <h2 id="afstand-kop" className="font-semibold text-slate-900">
            Afstand
          </h2>
          <ul className="flex gap-1 rounded-lg border-2 border-brand-blue bg-brand-blue-light p-1" data-testid="km-choice">
            {KM_CHOICES.map((choice) => {
              const current = km === choice;
              return (
                <li key={choice} className="flex-1">
                  <Link
                    to={nearbyHref(group.id, choice)}
                    aria-current={current ? "page" : undefined}
                    preventScrollReset
                    className={`block rounded-md px-3 py-2.5 text-center font-semibold ${
                      current ? "bg-brand-blue text-white" : "text-brand-blue underline underline-offset-2 hover:bg-white hover:no-underline"
                    }`}
                  >
                    {choice} km
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>

        {error ? (
          <div className="mt-6">
            <FormMessage kind="error">{error}</FormMessage>
          </div>
        ) : (
          <section aria-labelledby="lijst-kop" className="mt-8">
            <h2 id="lijst-kop" className="text-2xl font-bold text-slate-900">
              {km === null ? "Groepen in de buurt" : `Binnen ${km} km`}
            </h2>
            <p className="mt-1 text-slate-700" data-testid="nearby-rule">
              {NEARBY_RULE}
            </p>
            <p className="mt-1 font-semibold text-slate-900" data-testid="nearby-summary">
              {nearbySummary(nearby)}
            </p>
            {nearby.length ? (
              <ul role="list" className="mt-4 space-y-4">
                {nearby.map((g) => (
                  <li key={g.id}>
                    <article
                      aria-labelledby={`buur-${g.id}`}
                      data-testid="nearby-group"
                      className="rounded-xl border-2 border-slate-200 bg-white p-5"
                    >
                      <div className="flex flex-wrap items-start justify-between gap-2">
                        <h3 id={`buur-${g.id}`} className="text-xl font-bold text-slate-900">
                          {g.name}
                        </h3>
                        <Badge tone={g.reachable ? "green" : "slate"} testId="nearby-reachable">
                          {g.reachable ? "Bereikbaar" : "Niet bereikbaar"}
                        </Badge>
                      </div>
                      <p className="mt-1 text-slate-800">
                        {g.woonplaats} · <span data-testid="nearby-distance">{g.distanceLabel}</span>
                      </p>
                      <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
                        {g.reachable && !group.messagingBlocked ? (
                          <li>
                            <Link to={composeHref(g.id, group.id)} className={linkClass}>
                              Stuur bericht<span className="sr-only"> aan {g.name}</span>
                            </Link>
                          </li>
                        ) : null}
                        <li>
                          <Link to={`/groepen/${encodeURIComponent(g.slug)}`} className={linkClass}>
                            Openbare pagina<span className="sr-only"> van {g.name}</span>
                          </Link>
                        </li>
                      </ul>
                      {notReachableLabel(g) ? (
                        <p className="mt-2 text-sm text-slate-700" data-testid="nearby-not-reachable">
                          {notReachableLabel(g)}
                        </p>
                      ) : null}
                    </article>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        )}

        {!group.messagingBlocked ? (
          <section aria-labelledby="waarschuw-kop" className="mt-10 rounded-xl border-2 border-amber-300 bg-amber-50 p-5 text-amber-950">
            <h2 id="waarschuw-kop" className="text-xl font-bold">
              Waarschuw buurgroepen
            </h2>
            {reach.state === "none" ? (
              // no link to a form that could only be refused
              <div className="mt-1 space-y-2" data-testid="warn-none">
                <p>{NO_WARNING_RECIPIENTS}</p>
                <p className="font-semibold">{EMERGENCY_LINE}</p>
              </div>
            ) : (
              <>
                <p className="mt-1">
                  Was er een inbraak in je straat? Stuur de bereikbare buurgroepen in één keer een korte waarschuwing. Bel bij spoed altijd
                  eerst 112 (in België 101).
                </p>
                {reach.state === "some" && reach.wantedEmpty && km !== null ? (
                  <p className="mt-2 font-semibold" data-testid="warn-wider">
                    {widerReachLabel(km, reach.km, reach.count)}
                  </p>
                ) : null}
                <p className="mt-3">
                  <Link
                    to={warnHref(group.id, reach.state === "some" ? reach.km : (km ?? undefined))}
                    className="inline-block py-1 font-semibold text-amber-950 underline underline-offset-2 hover:no-underline"
                  >
                    {reach.state === "some" && reach.wantedEmpty ? `Schrijf een waarschuwing aan groepen binnen ${reach.km} km` : "Schrijf een waarschuwing"}
                  </Link>
                </p>
              </>
            )}
          </section>
        ) : null}
      </div>
    </AccountLayout>
  );
}
