import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { AccountLayout } from "~/components/account/AccountLayout";
import { SignInFields } from "~/components/account/SignInFields";
import { customerToken, signIn } from "~/lib/account/account.server";
import { loginSchema, safeRedirect, signInReason } from "~/lib/account/account-validation";
import { formError, formInvalid, readForm } from "~/lib/form.server";
import { privatePageHeaders, withRetryAfter } from "~/lib/request/headers";
import { pageTitle } from "~/lib/seo/seo";

export const meta: MetaFunction = () => [{ title: pageTitle("Inloggen voor groepsbeheerders") }, { name: "robots", content: "noindex" }];
export const headers = withRetryAfter(privatePageHeaders);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const back = safeRedirect(url.searchParams.get("terug"));
  if (customerToken(context.session)) throw redirect(back, { status: 303 });
  // a message's "Beantwoorden" link opened while signed out: say why the sign-in comes first
  return { back, reason: signInReason(back) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  // only the address is echoed back, never the password
  const parsed = await readForm(request, ["email"], loginSchema, ({ email }, text) => ({ email, password: text("password") }));
  const { values } = parsed;
  const back = safeRedirect(parsed.text("terug"));
  if (!parsed.ok) return formInvalid(parsed.errors, values, { "Cache-Control": "no-store" });

  let token: string;
  try {
    token = await signIn(parsed.value.email, parsed.value.password);
  } catch (error) {
    // 429 (too many attempts) stays 429 with its Retry-After; any other refusal is a 401
    return formError(error, values, { status: 401 });
  }
  // a new session id with the sign-in: an id planted or seen before it is worth nothing
  const { session } = context;
  await session.renew();
  session.set("customerToken", token);
  session.flash("notice", { kind: "info", message: "Je bent ingelogd." });
  return redirect(back, { status: 303 });
}

export default function SignInPage() {
  const { back, reason } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sending = useNavigation().state === "submitting";
  return (
    <AccountLayout
      title="Inloggen"
      crumbs={[{ label: "Groepen", to: "/groepen" }, { label: "Inloggen" }]}
      intro={
        <>
          {reason ? (
            <p className="mb-2 font-semibold text-slate-900" data-testid="sign-in-reason">
              {reason}
            </p>
          ) : null}
          <p>Voor beheerders van een goedgekeurde buurtpreventiegroep: beheer je groep op &quot;Mijn groep&quot;.</p>
        </>
      }
    >
      <Form method="post" noValidate className="space-y-6" aria-label="Inloggen">
        <input type="hidden" name="terug" value={back} />
        <SignInFields actionData={actionData} />
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <Button type="submit" disabled={sending}>
            {sending ? "Inloggen…" : "Inloggen"}
          </Button>
          <Link to="/wachtwoord-vergeten" className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
            Wachtwoord vergeten?
          </Link>
        </div>
      </Form>
      <p className="mt-10 text-slate-700">
        Nog geen account? Je krijgt er automatisch een zodra we je{" "}
        <Link to="/groepen/aanmelden" className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
          aangemelde groep
        </Link>{" "}
        hebben goedgekeurd.
      </p>
    </AccountLayout>
  );
}
