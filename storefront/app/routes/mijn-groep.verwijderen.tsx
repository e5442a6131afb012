import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { AccountLayout, FormMessage } from "~/components/account/AccountLayout";
import {
  listMyGroups,
  removeMyData,
  requireCustomerToken,
  SignedOutError,
  signedOutRedirect,
  UNAVAILABLE_MESSAGE,
} from "~/lib/account/account.server";
import { formError, readForm } from "~/lib/form.server";
import { privatePageHeaders } from "~/lib/request/headers";
import { pageTitle } from "~/lib/seo/seo";

export const meta: MetaFunction = () => [{ title: pageTitle("Mijn gegevens verwijderen") }, { name: "robots", content: "noindex" }];
export const headers = privatePageHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { token } = requireCustomerToken(request, context.session);
  try {
    return { groups: (await listMyGroups(token)).map((g) => g.name) };
  } catch (error) {
    if (error instanceof SignedOutError) throw signedOutRedirect(request, context.session);
    throw error;
  }
}

/** The confirmation step posts here; only then is anything removed. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { token, session } = requireCustomerToken(request, context.session);
  const { text } = await readForm(request, []);
  if (text("bevestig") !== "ja") return redirect("/mijn-groep/verwijderen", { status: 303 });
  try {
    await removeMyData(token);
  } catch (error) {
    if (error instanceof SignedOutError) return signedOutRedirect(request, context.session);
    return formError(error, null, { status: 503 });
  }
  session.unset("customerToken");
  session.flash("notice", { kind: "info", message: "Je gegevens zijn verwijderd en je account is opgeheven." });
  return redirect("/", { status: 303 });
}

export default function RemoveMyDataPage() {
  const { groups } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sending = useNavigation().state === "submitting";
  return (
    <AccountLayout
      title="Mijn gegevens verwijderen"
      crumbs={[{ label: "Mijn groep", to: "/mijn-groep" }, { label: "Gegevens verwijderen" }]}
    >
      {actionData?.errors._ ? <FormMessage kind="error">{actionData.errors._}</FormMessage> : null}
      <div className="mt-4 space-y-4 text-slate-800">
        <p>Weet je het zeker? Dit kun je niet ongedaan maken. Zoals in onze privacyverklaring staat:</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            {groups.length === 1 ? `Je groep "${groups[0]}" gaat` : `Je ${groups.length} groepen gaan`} van de kaart en uit het
            overzicht.
          </li>
          <li>Je naam, e-mailadres en telefoonnummer worden gewist.</li>
          <li>Je account en je wachtwoord worden verwijderd.</li>
          <li>Bestellingen blijven bewaard zolang de wet dat vraagt, zonder koppeling aan jou als beheerder.</li>
        </ul>
      </div>
      <Form method="post" className="mt-8 flex flex-wrap items-center gap-x-6 gap-y-3">
        <input type="hidden" name="bevestig" value="ja" />
        <Button type="submit" disabled={sending} className="bg-red-800! hover:bg-red-900!">
          {sending ? "Verwijderen…" : "Ja, verwijder mijn gegevens"}
        </Button>
        <Link to="/mijn-groep" className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
          Nee, terug naar Mijn groep
        </Link>
      </Form>
    </AccountLayout>
  );
}
