import { type ActionFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { AccountLayout } from "~/components/account/AccountLayout";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { TextAreaField } from "~/components/form/FormControls";
import { REPORT_FIELDS, REPORT_REASON_MAX } from "~/lib/admin-messages/admin-messages";
import { onFormFields, reportAdminMessage } from "~/lib/admin-messages/admin-messages.server";
import { type FieldErrors, orderedErrors } from "~/lib/form-errors";
import { formError, readForm } from "~/lib/form.server";
import { withRetryAfter } from "~/lib/request/headers";
import { pageTitle } from "~/lib/seo/seo";

export const meta: MetaFunction = () => [{ title: pageTitle("Bericht melden") }, { name: "robots", content: "noindex" }];

/**
 * The token is in the address: never cached, and only the origin is ever sent as a referrer
 * (as on /wachtwoord-instellen; "no-referrer" would make the form's own post carry `Origin: null`).
 */
export const headers = withRetryAfter(() => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "strict-origin" }));

/**
 * "Melden" from a relayed mail between group admins (issue #30): no login, the token is the
 * proof. Opening the link reports nothing (mail scanners open links too); the button posts it,
 * and staff get a mail.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { values } = await readForm(request, REPORT_FIELDS);
  try {
    await reportAdminMessage(params.token ?? "", values.reason);
  } catch (error) {
    return formError(onFormFields(error, REPORT_FIELDS), values);
  }
  return redirect("/berichten/gemeld", { status: 303 });
}

export default function ReportMessagePage() {
  const actionData = useActionData<typeof action>();
  const sending = useNavigation().state === "submitting";
  const errors: FieldErrors = actionData?.errors ?? {};
  return (
    <AccountLayout
      title="Bericht melden"
      crumbs={[{ label: "Groepen", to: "/groepen" }, { label: "Bericht melden" }]}
      intro={<p>Kreeg je via de winkel een bericht van een andere beheerder dat niet deugt? Meld het; onze medewerkers bekijken het.</p>}
    >
      <Form method="post" noValidate className="space-y-6" aria-label="Bericht melden">
        <ErrorSummary errors={orderedErrors(errors, REPORT_FIELDS)} submissionKey={actionData} />
        <TextAreaField
          name="reason"
          label="Wat is er mis met dit bericht?"
          rows={5}
          maxLength={REPORT_REASON_MAX}
          defaultValue={actionData?.values.reason ?? ""}
          error={errors.reason}
          hint="Bijvoorbeeld: reclame, bedreiging, of namen of foto's van mensen."
        />
        <p className="text-sm text-slate-700">
          We sturen je melding naar onze medewerkers, met het bericht. De afzender krijgt niet te zien dat jij het meldde.
        </p>
        <Button type="submit" disabled={sending}>
          {sending ? "Melden…" : "Bericht melden"}
        </Button>
      </Form>
    </AccountLayout>
  );
}
