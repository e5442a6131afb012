import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { AccountLayout, FormMessage } from "~/components/account/AccountLayout";
import { MessageKindBadge } from "~/components/account/MessageKindBadge";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { TextAreaField } from "~/components/form/FormControls";
import { REPORT_FIELDS, REPORT_REASON_MAX, reportedHref } from "~/lib/admin-messages/admin-messages";
import { onFormFields, reportAdminMessage, reportedMessage } from "~/lib/admin-messages/admin-messages.server";
import { failureStatus, loadFromBackend, refusalInit, toBackendFailure } from "~/lib/backend/backend.server";
import { type FieldErrors, orderedErrors } from "~/lib/form-errors";
import { formError, readForm } from "~/lib/form.server";
import { withRetryAfter } from "~/lib/request/headers";
import { pageTitle } from "~/lib/seo/seo";
import type { ReactNode } from "react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data?.notFound ? NOT_FOUND_TITLE : data?.tooMany ? TOO_MANY_TITLE : "Bericht melden") },
  { name: "robots", content: "noindex" },
];

const NOT_FOUND_TITLE = "Meldlink niet gevonden";
const TOO_MANY_TITLE = "Te veel meldlinks geopend";

/**
 * The token is in the address: never cached, and only the origin is ever sent as a referrer
 * (as on /wachtwoord-instellen; "no-referrer" would make the form's own post carry `Origin: null`).
 */
export const headers = withRetryAfter(() => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "strict-origin" }));

/**
 * "Melden" from a relayed mail between group admins (issue #30): no login, the token is the
 * proof. Opening the link reports nothing (mail scanners open links too); it shows which
 * message the link reports (sending group, first name, date, text: what the mail showed, no
 * address), and the button posts it, and staff get a mail. Reported before: the page says
 * when, and the form adds to that report (staff are mailed again). An unknown token or a
 * message erased since: 404 with the backend's sentence, no form, what to check and where to go
 * on (home page, contact page; stranger's walk: a dead end); too many links looked up from
 * one address: 429 with the backend's sentence and Retry-After, no form, a heading of its own
 * and the same ways on (stranger's walk: it kept "Bericht melden" and its promise).
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const message = await loadFromBackend(() =>
    reportedMessage(params.token ?? "").catch((error: unknown) => {
      // 404: unknown or erased; 429: too many links looked up from this address (the backend's
      // Dutch sentence, the page a 429 with its Retry-After)
      const status = failureStatus(error);
      if (status !== 404 && status !== 429) throw error;
      return { refused: toBackendFailure(error) };
    }),
  );
  return "refused" in message
    ? data(
        {
          message: null,
          earlier: null,
          missing: message.refused.message,
          notFound: message.refused.status === 404,
          tooMany: message.refused.status === 429,
        },
        refusalInit(message.refused, 404),
      )
    : { message: message.message, earlier: message.earlier, missing: null, notFound: false, tooMany: false };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { values } = await readForm(request, REPORT_FIELDS);
  let added = false;
  try {
    ({ added } = await reportAdminMessage(params.token ?? "", values.reason));
  } catch (error) {
    return formError(onFormFields(error, REPORT_FIELDS), values);
  }
  return redirect(reportedHref(added), { status: 303 });
}

export default function ReportMessagePage() {
  const { message, earlier, missing, notFound, tooMany } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sending = useNavigation().state === "submitting";
  const errors: FieldErrors = actionData?.errors ?? {};
  if (notFound) return <UnknownReportLink sentence={missing ?? ""} />;
  if (tooMany) return <TooManyLookups sentence={missing ?? ""} />;
  return (
    <AccountLayout
      title="Bericht melden"
      crumbs={[{ label: "Groepen", to: "/groepen" }, { label: "Bericht melden" }]}
      intro={<p>Kreeg je via de winkel een bericht van een andere beheerder dat niet deugt? Meld het; onze medewerkers bekijken het.</p>}
    >
      {message ? (
        <section aria-labelledby="gemeld-bericht-kop" className="mb-8" data-testid="reported-message">
          <h2 id="gemeld-bericht-kop" className="text-xl font-bold text-slate-900">
            Het bericht dat je meldt
          </h2>
          <article className="mt-3 rounded-xl border-2 border-slate-200 bg-white p-5" aria-label={`${message.kindLabel} van ${message.fromLabel}`}>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <MessageKindBadge kind={message.kind} />
              <time dateTime={message.createdAt} className="text-sm text-slate-700">
                {message.createdLabel}
              </time>
            </div>
            <p className="mt-2 font-semibold text-slate-900" data-testid="reported-from">
              Van {message.fromLabel}
            </p>
            <p className="mt-2 break-words whitespace-pre-line text-slate-900" data-testid="reported-body">
              {message.body}
            </p>
          </article>
        </section>
      ) : null}
      <Form method="post" noValidate className="space-y-6" aria-label={earlier ? "Melding aanvullen" : "Bericht melden"}>
        {earlier ? <FormMessage kind="info">{earlier}</FormMessage> : null}
        <ErrorSummary errors={orderedErrors(errors, REPORT_FIELDS)} submissionKey={actionData} />
        <TextAreaField
          name="reason"
          label={earlier ? "Wat wil je toevoegen aan je melding?" : "Wat is er mis met dit bericht?"}
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
          {earlier ? (sending ? "Versturen…" : "Aanvulling versturen") : sending ? "Melden…" : "Bericht melden"}
        </Button>
      </Form>
    </AccountLayout>
  );
}

const linkClass = "inline-block py-1 font-semibold text-brand-blue underline underline-offset-2 hover:no-underline";

/**
 * A report link that cannot be shown: its own heading, the backend's sentence, what to do,
 * and where to go on (contact page, shop) instead of the form and its promise (stranger's
 * walks: the 404 was a dead end, the 429 kept "Bericht melden").
 */
function ReportLinkProblem({ title, testId, sentence, children }: { title: string; testId: string; sentence: string; children: ReactNode }) {
  return (
    <AccountLayout title={title} crumbs={[{ label: "Groepen", to: "/groepen" }, { label: title }]}>
      <div className="space-y-4 text-slate-800" data-testid={testId}>
        <FormMessage kind="error">{sentence}</FormMessage>
        {children}
        <nav aria-label="Verder">
          <ul className="space-y-2">
            <li>
              <Link to="/contact" className={linkClass}>
                Neem contact op met de winkel
              </Link>
            </li>
            <li>
              <Link to="/" className={linkClass}>
                Terug naar de winkel
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </AccountLayout>
  );
}

/** A mistyped, cut-off or outdated report link (404). */
function UnknownReportLink({ sentence }: { sentence: string }) {
  return (
    <ReportLinkProblem title={NOT_FOUND_TITLE} testId="report-link-unknown" sentence={sentence || "Deze meldlink is onbekend of het bericht is verwijderd."}>
      <p>
        Open de link <strong>Melden</strong> opnieuw vanuit de e-mail, en controleer of het hele adres is overgenomen: een e-mailprogramma
        breekt een lange link soms af. Is het bericht intussen verwijderd, dan valt er niets meer te melden.
      </p>
      <p>Wil je toch iets melden over een bericht van een andere beheerder? Neem contact met ons op en noem de groep, de datum en wat er mis is.</p>
    </ReportLinkProblem>
  );
}

/** Too many report links looked up from one address (429, with Retry-After). */
function TooManyLookups({ sentence }: { sentence: string }) {
  return (
    <ReportLinkProblem title={TOO_MANY_TITLE} testId="report-link-too-many" sentence={sentence || "Er zijn te veel meldlinks opgevraagd. Probeer het later opnieuw."}>
      <p>
        Vanaf dit adres zijn kort na elkaar te veel meldlinks geopend. Wacht even en open de link <strong>Melden</strong> dan opnieuw
        vanuit de e-mail.
      </p>
      <p>Is het dringend? Neem contact met ons op en noem de groep, de datum en wat er mis is met het bericht.</p>
    </ReportLinkProblem>
  );
}
