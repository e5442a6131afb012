import { type MetaFunction } from "@remix-run/node";
import { Link, useSearchParams } from "@remix-run/react";
import { AccountLayout, FormMessage } from "~/components/account/AccountLayout";
import { privatePageHeaders } from "~/lib/request/headers";
import { pageTitle } from "~/lib/seo/seo";

export const meta: MetaFunction = () => [{ title: pageTitle("Bedankt voor je melding") }, { name: "robots", content: "noindex" }];
export const headers = privatePageHeaders;

/** Where "Bericht melden" lands after the post (post/redirect/get); `?aangevuld=1`: the post added to an earlier report. */
export default function MessageReportedPage() {
  const added = useSearchParams()[0].get("aangevuld") === "1";
  return (
    <AccountLayout title="Bedankt voor je melding" crumbs={[{ label: "Groepen", to: "/groepen" }, { label: "Bericht gemeld" }]}>
      <div className="space-y-6" data-testid="message-reported">
        <FormMessage kind="info">
          {added ? "We hebben je aanvulling ontvangen en bij je eerdere melding gezet." : "We hebben je melding ontvangen."} Onze
          medewerkers bekijken het bericht en kunnen de afzender blokkeren voor berichten aan andere beheerders.
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
