import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { AccountLayout } from "~/components/account/AccountLayout";
import { SignInFields } from "~/components/account/SignInFields";
import { loginSchema } from "~/lib/account/account-validation";
import { formError, formInvalid, readForm } from "~/lib/form.server";
import { privatePageHeaders, withRetryAfter } from "~/lib/request/headers";
import { signInNoticeAuthor } from "~/lib/notices/notices.server";
import { pageTitle } from "~/lib/seo/seo";

export const meta: MetaFunction = () => [{ title: pageTitle("Inloggen voor meldingen") }, { name: "robots", content: "noindex" }];
export const headers = withRetryAfter(privatePageHeaders);

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.session.get("noticeAuthorToken")) throw redirect("/meldingen", { status: 303 });
  return null;
}

/** Signs in a wijkagent/municipality account; its token goes in the session under its own key. */
export async function action({ request, context }: ActionFunctionArgs) {
  // only the address is echoed back, never the password
  const parsed = await readForm(request, ["email"], loginSchema, ({ email }, text) => ({ email, password: text("password") }));
  const { values } = parsed;
  if (!parsed.ok) return formInvalid(parsed.errors, values);

  let token: string;
  try {
    token = await signInNoticeAuthor(parsed.value.email, parsed.value.password);
  } catch (error) {
    return formError(error, values, { status: 401 });
  }
  // a new session id with the sign-in: an id planted or seen before it is worth nothing
  const { session } = context;
  await session.renew();
  session.set("noticeAuthorToken", token);
  session.flash("notice", { kind: "info", message: "Je bent ingelogd." });
  return redirect("/meldingen", { status: 303 });
}

export default function NoticeSignInPage() {
  const actionData = useActionData<typeof action>();
  const sending = useNavigation().state === "submitting";
  return (
    <AccountLayout
      title="Inloggen voor meldingen"
      crumbs={[{ label: "Voor gemeenten", to: "/voor-gemeenten" }, { label: "Inloggen voor meldingen" }]}
      intro={<p>Voor wijkagenten en gemeenten met een meldingenaccount: plaats meldingen voor de buurtpreventiegroepen in je gemeenten.</p>}
    >
      <Form method="post" noValidate className="space-y-6" aria-label="Inloggen voor meldingen">
        <SignInFields actionData={actionData} />
        <Button type="submit" disabled={sending}>
          {sending ? "Inloggen…" : "Inloggen"}
        </Button>
      </Form>
      <p className="mt-10 text-slate-700">
        Nog geen meldingenaccount? Wij maken het voor je aan:{" "}
        <Link to="/contact" className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
          neem contact op
        </Link>
        . Beheer je een buurtpreventiegroep? Log dan in bij{" "}
        <Link to="/inloggen" className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
          Mijn groep
        </Link>
        .
      </p>
    </AccountLayout>
  );
}
