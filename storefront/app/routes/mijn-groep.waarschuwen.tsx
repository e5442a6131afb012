import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { AccountLayout } from "~/components/account/AccountLayout";
import { MessageFields } from "~/components/account/MessageFields";
import { MessagingNav } from "~/components/account/MessagingNav";
import { MessagingBlockedNotice } from "~/components/account/MessagingBlockedNotice";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { FieldError, fieldId } from "~/components/form/Field";
import {
  DEFAULT_KM,
  EMERGENCY_LINE,
  KM_CHOICES,
  messagesHref,
  NEARBY_RULE,
  reachableCountLabel,
  WARNING_FIELDS,
  WARNING_MAX,
  WARNING_RULES,
  warningSentLabel,
} from "~/lib/admin-messages/admin-messages";
import { messagingPage, onFormFields, reachableCountsByKm, sendWarning } from "~/lib/admin-messages/admin-messages.server";
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
 * choice of distance shows how many groups each would reach (a hint: the backend decides when
 * the form is posted). Area notices from the wijkagent have their own channel and are not this.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { token, group, groups, firstName } = await messagingPage(request, context);
  // one request at the widest distance answers every choice
  const counts = await reachableCountsByKm(token, group.id).catch((error: unknown) => {
    if (error instanceof SignedOutError) throw signedOutRedirect(request, context.session);
    return null; // the form still works; only the hint is missing
  });
  return {
    group: { id: group.id, name: group.name, messagingBlocked: group.messagingBlocked },
    groups: groups.map((g) => ({ id: g.id, name: g.name })),
    counts: Object.fromEntries(KM_CHOICES.map((km) => [km, counts?.[km] ?? null])) as Record<number, number | null>,
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

export default function WarnNearbyGroupsPage() {
  const { group, groups, counts, firstName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sending = useNavigation().state === "submitting";
  const errors: FieldErrors = actionData?.errors ?? {};
  // the first name starts as the account's; the admin may change it
  const values = actionData?.values ?? { first_name: firstName ?? "" };
  const summary = orderedErrors(errors, WARNING_FIELDS);
  const chosen = values.km ? values.km : String(DEFAULT_KM);
  return (
    <AccountLayout
      wide
      title="Waarschuw buurgroepen"
      crumbs={[{ label: "Mijn groep", to: "/mijn-groep" }, { label: "Waarschuw buurgroepen" }]}
      intro={
        <p>
          Een korte waarschuwing vanuit <strong>{group.name}</strong> aan de beheerders van groepen in de buurt die berichten ontvangen,
          bijvoorbeeld na een inbraak in je straat. Ieder krijgt één e-mail via de winkel.
        </p>
      }
    >
      <div className="max-w-3xl">
        <MessagingNav current="waarschuwen" group={group} groups={groups} />
      </div>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        {/* first in reading order: the rules before the form (beside it on wide screens) */}
        <aside
          aria-labelledby="regels-kop"
          data-testid="warning-rules"
          className="h-fit rounded-xl border-2 border-amber-300 bg-amber-50 p-5 text-amber-950 lg:order-2"
        >
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
            <Link to="/gedragsregels" className="font-semibold text-amber-950 underline underline-offset-2 hover:no-underline">
              Alle gedragsregels
            </Link>
          </p>
        </aside>

        <div className="lg:order-1">
          {group.messagingBlocked ? (
            <MessagingBlockedNotice />
          ) : (
            <Form method="post" noValidate className="max-w-xl space-y-6" aria-label="Waarschuwing aan buurgroepen">
              <ErrorSummary errors={summary} submissionKey={actionData} />
              <fieldset aria-describedby={errors.km ? `${fieldId("km")}-error` : undefined}>
                <legend className="font-semibold text-slate-900">Naar groepen binnen</legend>
                <p className="text-sm text-slate-700" data-testid="nearby-rule">
                  {NEARBY_RULE} Alleen wie berichten ontvangt, krijgt je waarschuwing.
                </p>
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
              </fieldset>
              <MessageFields
                errors={errors}
                values={values}
                messageLabel="Je waarschuwing"
                maxLength={WARNING_MAX}
                messageHint={`Wat gebeurde er, waar en wanneer? Minstens 10 en hoogstens ${WARNING_MAX} tekens. Geen namen, foto's of beschrijvingen van verdachten.`}
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
          )}
        </div>
      </div>
    </AccountLayout>
  );
}
