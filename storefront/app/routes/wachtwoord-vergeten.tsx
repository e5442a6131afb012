import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { Field } from "~/components/form/Field";
import { AccountLayout, FormMessage } from "~/components/account/AccountLayout";
import { requestPasswordReset } from "~/lib/account/account.server";
import { FORGOT_PASSWORD_ANSWER, forgotPasswordSchema } from "~/lib/account/account-validation";
import { formError, formInvalid, readForm } from "~/lib/form.server";
import type { FieldErrors } from "~/lib/form-errors";
import { privatePageHeaders, withRetryAfter } from "~/lib/request/headers";
import { pageTitle } from "~/lib/seo/seo";

export const meta: MetaFunction = () => [{ title: pageTitle("Wachtwoord vergeten") }, { name: "robots", content: "noindex" }];
export const headers = withRetryAfter(privatePageHeaders);

export function loader({ request }: LoaderFunctionArgs) {
  return { sent: new URL(request.url).searchParams.get("verstuurd") === "1" };
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await readForm(request, ["email"], forgotPasswordSchema);
  const { values } = parsed;
  if (!parsed.ok) return formInvalid(parsed.errors, values);
  try {
    await requestPasswordReset(parsed.value.email);
  } catch (error) {
    // too many requests: 429 with its Retry-After; unreachable: 503
    return formError(error, values, { status: 503 });
  }
  // The same answer for every address (post/redirect/get): nobody learns who has an account.
  return redirect("/wachtwoord-vergeten?verstuurd=1", { status: 303 });
}

export default function ForgotPasswordPage() {
  const { sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sending = useNavigation().state === "submitting";
  const errors: FieldErrors = actionData?.errors ?? {};
  return (
    <AccountLayout
      title="Wachtwoord vergeten"
      crumbs={[{ label: "Inloggen", to: "/inloggen" }, { label: "Wachtwoord vergeten" }]}
      intro={<p>Vul het e-mailadres van je account in. We sturen je een link om een nieuw wachtwoord in te stellen.</p>}
    >
      {sent ? (
        <FormMessage kind="info">
          <p>{FORGOT_PASSWORD_ANSWER}</p>
          <p className="mt-2">De link werkt 15 minuten en één keer.</p>
        </FormMessage>
      ) : null}
      <Form method="post" noValidate className="mt-6 space-y-6" aria-label="Nieuw wachtwoord aanvragen">
        {errors._ ? <FormMessage kind="error">{errors._}</FormMessage> : null}
        <Field
          name="email"
          type="email"
          label="E-mailadres"
          autoComplete="email"
          required
          defaultValue={actionData?.values.email ?? ""}
          error={errors.email}
        />
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <Button type="submit" disabled={sending}>
            {sending ? "Versturen…" : "Stuur me een link"}
          </Button>
          <Link to="/inloggen" className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
            Terug naar inloggen
          </Link>
        </div>
      </Form>
    </AccountLayout>
  );
}
