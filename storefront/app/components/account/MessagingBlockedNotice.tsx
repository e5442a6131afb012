import { Link } from "@remix-run/react";
import { FormMessage } from "~/components/account/AccountLayout";

/**
 * Said wherever a blocked admin would send (Mijn groep, Buurgroepen, a message, a reply, a
 * warning): staff stopped them sending, not receiving, and the shop's contact page is where
 * to ask why. One text, so every page says the same.
 */
export function MessagingBlockedNotice() {
  return (
    <div data-testid="messaging-blocked">
      <FormMessage kind="error">
        Je kunt geen berichten meer sturen aan andere beheerders: de winkel heeft dat voor je account geblokkeerd, bijvoorbeeld na een
        melding van misbruik. Berichten ontvangen kan nog wel, als je dat hebt aangezet. Wil je weten waarom, of klopt het niet?{" "}
        <Link to="/contact" className="text-red-900 underline underline-offset-2 hover:no-underline">
          Neem contact op met de winkel
        </Link>
        .
      </FormMessage>
    </div>
  );
}
