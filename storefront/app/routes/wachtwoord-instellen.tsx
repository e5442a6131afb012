import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { Field } from "~/components/form/Field";
import { AccountLayout, FormMessage } from "~/components/account/AccountLayout";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { emailFromToken, setPassword, signIn } from "~/lib/account/account.server";
import { EXPIRED_LINK_CODE, MIN_PASSWORD_LENGTH, setPasswordSchema } from "~/lib/account/account-validation";
import { toBackendFailure } from "~/lib/backend/backend.server";
import { formError, formInvalid, readForm } from "~/lib/form.server";
import type { FieldErrors } from "~/lib/form-errors";
import { endOtherSessions } from "~/lib/session/session.server";
import { pageTitle } from "~/lib/seo/seo";

export const meta: MetaFunction = () => [{ title: pageTitle("Wachtwoord instellen") }, { name: "robots", content: "noindex" }];

/**
 * The token is in the address: never cached, and only the origin is ever sent as a
 * referrer. Not "no-referrer": with it the browser sends `Origin: null` on the form's
 * own post, which the server refuses as foreign (same-origin.mjs), so setting a password
 * failed without JavaScript.
 */
export const headers = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "strict-origin" });

export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const token = url.searchParams.get("token") ?? "";
  // the address inside the token wins over the one in the link (it is what Medusa checks)
  const email = (token && emailFromToken(token)) || url.searchParams.get("email") || "";
  return { token, email };
}

export async function action({ request, context }: ActionFunctionArgs) {
  // nothing is echoed back (passwords)
  const parsed = await readForm(request, [], setPasswordSchema, (_, text) => ({
    token: text("token"),
    email: emailFromToken(text("token")) ?? text("email"),
    password: text("password"),
    password_repeat: text("password_repeat"),
  }));
  if (!parsed.ok) return formInvalid(parsed.errors, null);
  const { token, email } = parsed.value;

  try {
    await setPassword(token, parsed.value.password);
  } catch (error) {
    // a used or expired link (400, code EXPIRED_LINK_CODE), or the backend unreachable (503)
    return formError(error, null);
  }

  // Signed in at once with the new password; if that fails, the sign-in page takes over.
  const { session } = context;
  await session.renew();
  const login = email ? await signIn(email, parsed.value.password).catch(signInLater) : null;
  if (login) {
    // whoever knew the old password is signed out everywhere else (the backend also refuses their older tokens)
    await endOtherSessions(login, session);
    session.set("customerToken", login);
    session.flash("notice", { kind: "info", message: "Je wachtwoord is ingesteld. Je bent ingelogd." });
    return redirect("/mijn-groep", { status: 303 });
  }
  session.flash("notice", { kind: "info", message: "Je wachtwoord is ingesteld. Log in met je nieuwe wachtwoord." });
  return redirect("/inloggen", { status: 303 });
}

/** A refused sign-in after setting the password: the sign-in page takes over (anything else is rethrown). */
function signInLater(error: unknown): null {
  toBackendFailure(error);
  return null;
}

export default function SetPasswordPage() {
  const { token, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sending = useNavigation().state === "submitting";
  const errors: FieldErrors = actionData?.errors ?? {};
  const fieldErrors = (["password", "password_repeat"] as const)
    .filter((f) => errors[f])
    .map((f) => [f, errors[f]!] as [string, string]);
  const hint = `Minstens ${MIN_PASSWORD_LENGTH} tekens. Een zin van een paar woorden is sterk én goed te onthouden.`;

  return (
    <AccountLayout title="Wachtwoord instellen" crumbs={[{ label: "Inloggen", to: "/inloggen" }, { label: "Wachtwoord instellen" }]}>
      {!token ? (
        <FormMessage kind="error">
          <p>Deze link is onvolledig. Open de link uit de e-mail opnieuw, of vraag een nieuwe aan.</p>
          <p className="mt-2">
            <Link to="/wachtwoord-vergeten" className="underline underline-offset-2 hover:no-underline">
              Nieuwe link aanvragen
            </Link>
          </p>
        </FormMessage>
      ) : (
        <Form method="post" noValidate className="space-y-6" aria-label="Wachtwoord instellen">
          {errors._ ? (
            <FormMessage kind="error">
              <p>{errors._}</p>
              {actionData?.code === EXPIRED_LINK_CODE ? (
                <p className="mt-2">
                  <Link to="/wachtwoord-vergeten" className="underline underline-offset-2 hover:no-underline">
                    Nieuwe link aanvragen
                  </Link>
                </p>
              ) : null}
            </FormMessage>
          ) : null}
          <ErrorSummary errors={fieldErrors} submissionKey={actionData} />
          <input type="hidden" name="token" value={token} />
          {email ? (
            <p className="text-slate-800">
              Account: <strong data-testid="account-email">{email}</strong>
            </p>
          ) : null}
          {/* lets password managers store the new password with the right account */}
          <input type="email" name="email" value={email} autoComplete="username" readOnly hidden />
          <Field
            name="password"
            type="password"
            label="Nieuw wachtwoord"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            hint={hint}
            error={errors.password}
          />
          <Field
            name="password_repeat"
            type="password"
            label="Herhaal je nieuwe wachtwoord"
            autoComplete="new-password"
            required
            error={errors.password_repeat}
          />
          <Button type="submit" disabled={sending}>
            {sending ? "Opslaan…" : "Wachtwoord opslaan"}
          </Button>
        </Form>
      )}
    </AccountLayout>
  );
}
