import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import { Button } from "~/components/Button";
import { FormMessage } from "~/components/account/AccountLayout";
import { MessagingBlockedNotice } from "~/components/account/MessagingBlockedNotice";
import { messagesHref, nearbyHref, SETTING_LABEL, settingAnchor, warnHref } from "~/lib/admin-messages/admin-messages";

const linkClass = "font-semibold text-brand-blue underline underline-offset-2 hover:no-underline";

type AdminMessagingProps = {
  group: { id: string; name: string; adminMessagesEnabled: boolean; messagingBlocked: boolean };
  /** The setting's refusal for this group, when the last post was about it. */
  error?: string;
  /** Whether this group's form is being sent (with JavaScript). */
  sending?: boolean;
};

/** What the stored setting means, said under the box ("Opgeslagen": also without JavaScript, a box ticked since reads right). */
export const SETTING_STATE = {
  on: "Opgeslagen: aan. Beheerders van goedgekeurde groepen in de buurt (binnen 5 km of met een aangrenzende postcode: de groepen onder Buurgroepen) kunnen je een bericht sturen; ze zien je voornaam en je groep, nooit je e-mailadres of telefoonnummer.",
  off: "Opgeslagen: uit. Andere beheerders kunnen je geen bericht sturen. Zelf een bericht sturen kan wel; wie dat bericht krijgt, kan je antwoorden.",
} as const;

/**
 * "Andere beheerders" on Mijn groep, per approved group: the setting (off by default; a plain
 * form post, also without JavaScript) and the ways to the nearby groups, the history and the
 * warning. What is shared is said beside the setting, as in the privacy statement.
 *
 * The text under the box says what is stored. With JavaScript a box ticked or unticked but not
 * yet saved says so beside it (stranger's walk: a ticked box over "Staat uit." read as a
 * mistake); the form is keyed on the stored value, so after saving the box shows what was saved.
 */
export function AdminMessaging({ group, error, sending = false }: AdminMessagingProps) {
  return <AdminMessagingSection key={String(group.adminMessagesEnabled)} group={group} error={error} sending={sending} />;
}

function AdminMessagingSection({ group, error, sending = false }: AdminMessagingProps) {
  // Buurgroepen and the warning page link here (settingHref)
  const headingId = settingAnchor(group.id);
  const checkboxId = `field-enabled-${group.id}`;
  const stateId = `${checkboxId}-state`;
  const [ticked, setTicked] = useState(group.adminMessagesEnabled);
  const unsaved = ticked !== group.adminMessagesEnabled;
  return (
    <section aria-labelledby={headingId} data-testid="admin-messaging" className="rounded-xl border-2 border-slate-200 bg-white p-5">
      <h3 id={headingId} className="text-xl font-bold text-slate-900">
        Andere beheerders
      </h3>
      <p className="mt-1 text-slate-700">
        Stuur beheerders van groepen in de buurt een bericht of waarschuw ze na bijvoorbeeld een inbraak. Alles gaat via de winkel: je
        e-mailadres en telefoonnummer blijven verborgen.
      </p>
      {group.messagingBlocked ? (
        <div className="mt-3">
          <MessagingBlockedNotice />
        </div>
      ) : null}
      <Form method="post" className="mt-4 space-y-3">
        {error ? <FormMessage kind="error">{error}</FormMessage> : null}
        <input type="hidden" name="intent" value="messaging" />
        <input type="hidden" name="group_id" value={group.id} />
        <div className="flex items-start gap-3">
          <input
            id={checkboxId}
            name="enabled"
            type="checkbox"
            value="ja"
            defaultChecked={group.adminMessagesEnabled}
            onChange={(event) => setTicked(event.currentTarget.checked)}
            aria-describedby={stateId}
            className="mt-0.5 h-6 w-6 shrink-0 accent-brand-blue"
          />
          <label htmlFor={checkboxId} className="font-semibold text-slate-900">
            {SETTING_LABEL}
          </label>
        </div>
        <div id={stateId} className="space-y-1 text-sm text-slate-700">
          <p data-testid="messaging-state">{group.adminMessagesEnabled ? SETTING_STATE.on : SETTING_STATE.off}</p>
          <p aria-live="polite" data-testid="messaging-unsaved" className="font-semibold text-slate-900">
            {unsaved ? `Nog niet opgeslagen: kies "Instelling opslaan" om dit ${ticked ? "aan" : "uit"} te zetten.` : null}
          </p>
        </div>
        <Button type="submit" variant="secondary" disabled={sending}>
          {sending ? "Opslaan…" : "Instelling opslaan"}
          <span className="sr-only"> voor {group.name}</span>
        </Button>
      </Form>
      <ul className="mt-5 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <Link to={nearbyHref(group.id)} className={linkClass}>
            Buurgroepen<span className="sr-only"> van {group.name}</span>
          </Link>
        </li>
        <li>
          <Link to={messagesHref(group.id)} className={linkClass}>
            Berichten<span className="sr-only"> van {group.name}</span>
          </Link>
        </li>
        <li>
          <Link to={warnHref(group.id)} className={linkClass}>
            Waarschuw buurgroepen<span className="sr-only"> vanuit {group.name}</span>
          </Link>
        </li>
      </ul>
    </section>
  );
}
