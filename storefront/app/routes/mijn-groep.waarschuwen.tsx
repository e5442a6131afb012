import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { AccountLayout, FormMessage } from "~/components/account/AccountLayout";
import { MessageFields } from "~/components/account/MessageFields";
import { MessagingNav } from "~/components/account/MessagingNav";
import { MessagingBlockedNotice } from "~/components/account/MessagingBlockedNotice";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { FieldError, fieldId } from "~/components/form/Field";
import {
  chosenKm,
  DEFAULT_KM,
  EMERGENCY_LINE,
  KM_CHOICES,
  type Km,
  messagesHref,
  NEARBY_RULE,
  NO_WARNING_RECIPIENTS,
  reachableCountLabel,
  settingHref,
  WARNING_FIELDS,
  WARNING_MAX,
  WARNING_RULES,
  type WarningRecipient,
  warningReach,
  warningSentLabel,
  widerReachLabel,
} from "~/lib/admin-messages/admin-messages";
import { messagingPage, onFormFields, sendWarning, warningRecipients } from "~/lib/admin-messages/admin-messages.server";
import { SignedOutError, signedOutRedirect } from "~/lib/account/account.server";
import { type FieldErrors, orderedErrors } from "~/lib/form-errors";
import { formError, readForm } from "~/lib/form.server";
import { withRetryAfter } from "~/lib/request/headers";
import { pageTitle } from "~/lib/seo/seo";

export const meta: MetaFunction = () => [{ title: pageTitle("Waarschuw buurgroepen") }, { name: "robots", content: "noindex" }];
export const headers = withRetryAfter(() => ({ "Cache-Control": "private, no-store" }));

/**
 * "Waarschuw buurgroepen": one short warning to the reachable admins of the groups near one of
 * the admin's own, one relayed mail each, with the rules of conduct beside the form. The
 * choice of distance shows how many groups each would reach and which (a hint: the backend
 * decides when the form is posted). When no group nearby receives messages at any distance the
 * page says so and what to do instead of the form (stranger's walk: a whole warning written, then
 * refused); when only a larger distance reaches someone, that distance is chosen and said
 * (`?km=` from Buurgroepen is the first choice). Area notices from the wijkagent have their own
 * channel and are not this.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { token, group, groups, firstName } = await messagingPage(request, context);
  // one request at the widest distance answers every choice
  const reach = await warningRecipients(token, group.id).catch((error: unknown) => {
    if (error instanceof SignedOutError) throw signedOutRedirect(request, context.session);
    return null; // the form still works; only the hint is missing
  });
  const counts = Object.fromEntries(KM_CHOICES.map((km) => [km, reach?.counts[km] ?? null])) as Record<number, number | null>;
  const wanted = chosenKm(new URL(request.url).searchParams.get("km")) ?? DEFAULT_KM;
  return {
    group: { id: group.id, name: group.name, messagingBlocked: group.messagingBlocked },
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    counts,
    recipients: reach?.added ?? null,
    wanted,
    reach: warningReach(reach ? counts : null, wanted),
    firstName,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { token, session, group } = await messagingPage(request, context);
  const { values } = await readForm(request, WARNING_FIELDS);
  let sentTo: number;
  try {
    // The backend judges the fields, the distance, the daily limit and who is reachable, in Dutch.
    sentTo = await sendWarning(token, group.id, values);
  } catch (error) {
    if (error instanceof SignedOutError) return signedOutRedirect(request, context.session);
    return formError(onFormFields(error, WARNING_FIELDS), values);
  }
  session.flash("notice", { kind: "info", message: warningSentLabel(sentTo), focus: true });
  return redirect(messagesHref(group.id), { status: 303 });
}

const amberLink = "font-semibold text-amber-950 underline underline-offset-2 hover:no-underline";

/** Which groups each distance reaches, named with their place (stranger's walk: only a count). */
function RecipientList({ recipients }: { recipients: Record<Km, WarningRecipient[]> }) {
  let before = 0;
  return (
    <div className="mt-4 rounded-lg border-2 border-slate-200 bg-white p-4" data-testid="warn-recipients">
      <h3 className="font-semibold text-slate-900">Wie krijgt je waarschuwing?</h3>
      <dl className="mt-2 space-y-3">
        {KM_CHOICES.map((km) => {
          const added = recipients[km];
          if (!added.length) return null;
          const label = before ? `Binnen ${km} km komen erbij` : `Binnen ${km} km`;
          before += added.length;
          return (
            <div key={km} data-testid={`warn-recipients-${km}`}>
              <dt className="text-sm font-semibold text-slate-800">{label}</dt>
              <dd>
                <ul className="list-disc pl-5 text-slate-900">
                  {added.map((g) => (
                    <li key={g.id} className="break-words">
                      {g.name} <span className="text-slate-700">({g.woonplaats})</span>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}

function Rules({ className = "" }: { className?: string }) {
  return (
    <aside aria-labelledby="regels-kop" data-testid="warning-rules" className={`h-fit rounded-xl border-2 border-amber-300 bg-amber-50 p-5 text-amber-950 ${className}`}>
      <h2 id="regels-kop" className="text-xl font-bold">
        Gedragsregels
      </h2>
      <p className="mt-2 text-lg font-bold">{EMERGENCY_LINE}</p>
      <ul className="mt-3 list-disc space-y-2 pl-5">
        {WARNING_RULES.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
      <p className="mt-3">
        <Link to="/gedragsregels" className={amberLink}>
          Alle gedragsregels
        </Link>
      </p>
    </aside>
  );
}

export default function WarnNearbyGroupsPage() {
  const { group, groups, counts, recipients, wanted, reach, firstName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sending = useNavigation().state === "submitting";
  const errors: FieldErrors = actionData?.errors ?? {};
  // the first name starts as the account's; the admin may change it
  const values = actionData?.values ?? { first_name: firstName ?? "" };
  const summary = orderedErrors(errors, WARNING_FIELDS);
  // the distance: as posted, else the one that reaches someone (the wanted one, or the next larger)
  const chosen = values.km ? values.km : String(reach.state === "some" ? reach.km : DEFAULT_KM);
  // no form where it could only be refused: blocked, or nobody nearby receives messages
  const cannotWarn = group.messagingBlocked || reach.state === "none";
  return (
    <AccountLayout
      wide
      title="Waarschuw buurgroepen"
      crumbs={[{ label: "Mijn groep", to: "/mijn-groep" }, { label: "Waarschuw buurgroepen" }]}
      intro={
        cannotWarn ? null : (
          <p>
            Een korte waarschuwing vanuit <strong>{group.name}</strong> aan de beheerders van groepen in de buurt die berichten ontvangen,
            bijvoorbeeld na een inbraak in je straat. Ieder krijgt één e-mail via de winkel.
          </p>
        )
      }
    >
      <div className="max-w-3xl">
        <MessagingNav current="waarschuwen" group={group} groups={groups} />
      </div>
      {cannotWarn ? (
        // first thing on the page, before the rules (stranger's walk: ~1,200 px down at 390 px)
        <div className="max-w-3xl space-y-6">
          {group.messagingBlocked ? (
            <MessagingBlockedNotice />
          ) : (
            <div data-testid="no-warning-recipients">
              <FormMessage kind="info">
                <span className="block">{NO_WARNING_RECIPIENTS}</span>
                <span className="mt-2 block font-semibold">{EMERGENCY_LINE}</span>
                <span className="mt-2 block">
                  Staat het bij jouw groep zelf nog uit?{" "}
                  <Link to={settingHref(group.id)} className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
                    Naar de instelling op Mijn groep
                  </Link>
                </span>
              </FormMessage>
            </div>
          )}
          <Rules />
        </div>
      ) : (
        <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
          {/* first in reading order: the rules before the form (beside it on wide screens) */}
          <Rules className="lg:order-2" />

          <div className="lg:order-1">
            <Form method="post" noValidate className="max-w-xl space-y-6" aria-label="Waarschuwing aan buurgroepen">
              <ErrorSummary errors={summary} submissionKey={actionData} />
              <fieldset aria-describedby={errors.km ? `${fieldId("km")}-error` : undefined}>
                <legend className="font-semibold text-slate-900">Naar groepen binnen</legend>
                <p className="text-sm text-slate-700" data-testid="nearby-rule">
                  {NEARBY_RULE} Alleen wie berichten ontvangt, krijgt je waarschuwing.
                </p>
                {reach.state === "some" && reach.wantedEmpty ? (
                  <p className="mt-2 font-semibold text-slate-900" data-testid="warn-wider">
                    {widerReachLabel(wanted, reach.km, reach.count)}{" "}
                    {reach.km} km is gekozen.
                  </p>
                ) : null}
                <div className="mt-2 space-y-2">
                  {KM_CHOICES.map((km, i) => {
                    const count = reachableCountLabel(counts[km] ?? null);
                    return (
                      <label
                        key={`${km}-${chosen}`}
                        className="flex cursor-pointer items-center gap-3 rounded-lg border-2 border-slate-300 p-3 has-[:checked]:border-brand-blue has-[:checked]:bg-brand-blue-light"
                      >
                        <input
                          id={i === 0 ? fieldId("km") : `${fieldId("km")}-${km}`}
                          type="radio"
                          name="km"
                          value={km}
                          defaultChecked={chosen === String(km)}
                          aria-invalid={errors.km ? true : undefined}
                          className="h-5 w-5 accent-brand-blue"
                        />
                        <span>
                          <span className="font-medium">{km} km</span>
                          {count ? <span className="block text-sm text-slate-700" data-testid={`warn-count-${km}`}>{count}</span> : null}
                        </span>
                      </label>
                    );
                  })}
                </div>
                <FieldError name="km" error={errors.km} />
                {recipients ? <RecipientList recipients={recipients} /> : null}
              </fieldset>
              <MessageFields
                errors={errors}
                values={values}
                messageLabel="Je waarschuwing"
                maxLength={WARNING_MAX}
                messageHint="Wat gebeurde er, waar en wanneer? Geen namen, foto's of beschrijvingen van verdachten."
              />
              <p className="text-sm text-slate-700">
                Ieder krijgt je waarschuwing als e-mail via de winkel, zonder je e-mailadres of telefoonnummer. Vanuit een groep gaan per dag
                hoogstens 3 waarschuwingen.
              </p>
              <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
                <Button type="submit" disabled={sending}>
                  {sending ? "Versturen…" : "Waarschuwing versturen"}
                </Button>
                <Link to="/mijn-groep" className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
                  Annuleren
                </Link>
              </div>
            </Form>
          </div>
        </div>
      )}
    </AccountLayout>
  );
}
