import { type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { AccountLayout, FormMessage } from "~/components/account/AccountLayout";
import { privatePageHeaders } from "~/lib/request/headers";
import { pageTitle } from "~/lib/seo/seo";

export const meta: MetaFunction = () => [{ title: pageTitle("Bedankt voor je melding") }, { name: "robots", content: "noindex" }];
export const headers = privatePageHeaders;

/** Where "Bericht melden" lands after the post (post/redirect/get). */
export default function MessageReportedPage() {
  return (
    <AccountLayout title="Bedankt voor je melding" crumbs={[{ label: "Groepen", to: "/groepen" }, { label: "Bericht gemeld" }]}>
      <div className="space-y-6" data-testid="message-reported">
        <FormMessage kind="info">
          We hebben je melding ontvangen. Onze medewerkers bekijken het bericht en kunnen de afzender blokkeren voor berichten aan
          andere beheerders.
        </FormMessage>
        <p>
          <Link to="/gedragsregels" className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
            Lees de gedragsregels
          </Link>
        </p>
      </div>
    </AccountLayout>
  );
}
