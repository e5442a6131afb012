import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AccountLayout, FormMessage } from "~/components/account/AccountLayout";
import { Button } from "~/components/Button";
import { toBackendFailure, refusalInit } from "~/lib/backend/backend.server";
import { readForm } from "~/lib/form.server";
import { confirmRegistration, REGISTRATION_LINK_INVALID } from "~/lib/groups/groups.server";
import { pageTitle } from "~/lib/seo/seo";
import { withRetryAfter } from "~/lib/request/headers";

export const meta: MetaFunction = () => [{ title: pageTitle("Aanmelding bevestigen") }, { name: "robots", content: "noindex" }];

/**
 * The token is in the address: never cached, and only the origin is ever sent as a
 * referrer (not "no-referrer": the form's own post would then carry `Origin: null`,
 * which Remix refuses; see wachtwoord-instellen.tsx).
 */
export const headers = withRetryAfter(() => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "strict-origin" }));

const DEAD_LINK =
  "Deze bevestigingslink is verlopen, al gebruikt of onvolledig. Open de link uit de e-mail opnieuw, of meld je groep opnieuw aan.";

/**
 * The link in the confirmation mail lands here. Opening it confirms nothing: mail
 * scanners open links too. The registrant presses the button, which posts the token.
 */
export function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const {
    values: { token },
  } = await readForm(request, ["token"]);
  if (!token) return data({ ok: false as const, message: DEAD_LINK }, { status: 400 });
  try {
    const { message } = await confirmRegistration(token);
    return data({ ok: true as const, message });
  } catch (error) {
    const failure = toBackendFailure(error);
    const dead = failure.code === REGISTRATION_LINK_INVALID || failure.status === 410 || failure.fieldErrors.token;
    return data({ ok: false as const, message: dead ? DEAD_LINK : failure.message }, refusalInit(failure, failure.status));
  }
}

export default function ConfirmRegistrationPage() {
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const sending = useNavigation().state === "submitting";

  return (
    <AccountLayout title="Aanmelding bevestigen" crumbs={[{ label: "Groepen", to: "/groepen" }, { label: "Aanmelding bevestigen" }]}>
      {result?.ok ? (
        <div data-testid="registration-confirmed" className="space-y-6">
          <FormMessage kind="info">
            <p>{result.message}</p>
          </FormMessage>
          <p>
            <Link to="/groepen" className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
              Naar alle groepen
            </Link>
          </p>
        </div>
      ) : !token || result ? (
        <FormMessage kind="error">
          <p>{result?.message ?? DEAD_LINK}</p>
          <p className="mt-2">
            <Link to="/groepen/aanmelden" className="underline underline-offset-2 hover:no-underline">
              Groep opnieuw aanmelden
            </Link>
          </p>
        </FormMessage>
      ) : (
        <Form method="post" className="space-y-6" aria-label="Aanmelding bevestigen">
          <p>
            Bevestig dat dit jouw e-mailadres is. Daarna bekijken we je aanmelding en sturen we je een e-mail zodra je groep
            op de kaart staat.
          </p>
          <input type="hidden" name="token" value={token} />
          <Button type="submit" disabled={sending}>
            {sending ? "Bevestigen…" : "Bevestig mijn aanmelding"}
          </Button>
        </Form>
      )}
    </AccountLayout>
  );
}
