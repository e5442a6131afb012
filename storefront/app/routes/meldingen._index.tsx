import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/Button";
import { AccountLayout } from "~/components/account/AccountLayout";
import { AuthorNoticeList } from "~/components/notices/AuthorNoticeList";
import { NoticeForm } from "~/components/notices/NoticeForm";
import { privatePageHeaders, withRetryAfter } from "~/lib/request/headers";
import {
  AUTHOR_DISABLED_MESSAGE,
  createAuthorNotice,
  defaultNoticePeriod,
  getMunicipalityNames,
  getNoticeAuthorOverview,
  type NoticeFormValues,
  parseNoticeForm,
  withdrawAuthorNotice,
} from "~/lib/notices/notices.server";
import { pageTitle } from "~/lib/seo/seo";
import type { ShopSession } from "~/lib/session/session.server";
import { failureStatus, toBackendFailure } from "~/lib/backend/backend.server";
import { formError, readForm } from "~/lib/form.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Meldingen") }, { name: "robots", content: "noindex" }];
export const headers = withRetryAfter(privatePageHeaders);

const SIGN_IN = "/meldingen/inloggen";

/** The notice account's token, or a redirect to its sign-in page (thrown). */
function requireNoticeAuthorToken(session: ShopSession): string {
  const token = session.get("noticeAuthorToken");
  if (!token) throw redirect(SIGN_IN, { status: 303 });
  return token;
}

/** The token expired or the account was switched off: forget it, say why, sign in again. */
function signedOut(session: ShopSession, message = "Je bent uitgelogd. Log opnieuw in om verder te gaan."): Response {
  session.unset("noticeAuthorToken");
  session.flash("notice", { kind: message === AUTHOR_DISABLED_MESSAGE ? "error" : "info", message });
  return redirect(SIGN_IN, { status: 303 });
}

function redirectWithNotice(session: ShopSession, notice: { kind: "info" | "error"; message: string }): Response {
  session.flash("notice", notice);
  return redirect("/meldingen", { status: 303 });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = requireNoticeAuthorToken(context.session);
  const [overview, names] = await Promise.all([getNoticeAuthorOverview(token), getMunicipalityNames()]);
  if (overview === null) throw signedOut(context.session);
  if (overview === "disabled") throw signedOut(context.session, AUTHOR_DISABLED_MESSAGE);
  const municipalities = overview.author.municipalityCodes.map((code) => ({ code, name: names[code] ?? code }));
  const confirmId = new URL(request.url).searchParams.get("intrekken");
  const period = defaultNoticePeriod();
  const defaults: NoticeFormValues = {
    title: "",
    body: "",
    // one municipality: that is the obvious area
    municipalityCodes: municipalities.length === 1 ? [municipalities[0]!.code] : [],
    postcodes: "",
    ...period,
  };
  return {
    author: overview.author,
    municipalities,
    names,
    notices: overview.notices,
    confirmId: overview.notices.some((n) => n.id === confirmId) ? confirmId : null,
    defaults,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const token = requireNoticeAuthorToken(context.session);
  const { form, text } = await readForm(request, []);
  const intent = text("intent");

  if (intent === "withdraw") {
    const id = text("id");
    try {
      await withdrawAuthorNotice(token, id);
    } catch (error) {
      const failure = toBackendFailure(error);
      if (failure.status === 401) throw signedOut(context.session);
      return redirectWithNotice(context.session, { kind: "error", message: failure.message });
    }
    return redirectWithNotice(context.session, { kind: "info", message: "De melding is ingetrokken." });
  }

  if (intent !== "create") return data({ errors: { _: "Onbekende actie. Probeer het opnieuw." }, values: null }, { status: 400 });
  const parsed = parseNoticeForm(form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  let result: Awaited<ReturnType<typeof createAuthorNotice>>;
  try {
    result = await createAuthorNotice(token, parsed.input);
  } catch (error) {
    if (failureStatus(error) === 401) throw signedOut(context.session);
    return formError(error, parsed.values, { status: (failure) => (failure.status >= 500 ? 503 : 400) });
  }
  const sent =
    result.notice.status === "planned"
      ? `Hij wordt op ${result.notice.startsLabel} zichtbaar en verstuurd.`
      : `Hij is naar ${result.delivered} groepsbeheerder${result.delivered === 1 ? "" : "s"} gestuurd.`;
  return redirectWithNotice(context.session, { kind: "info", message: `Melding geplaatst. ${sent}` });
}

export default function NoticeAuthorPage() {
  const { author, municipalities, names, notices, confirmId, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = Object.fromEntries(Object.entries(actionData?.errors ?? {}).filter((e): e is [string, string] => typeof e[1] === "string"));
  return (
    <AccountLayout
      wide
      title="Meldingen"
      crumbs={[{ label: "Voor gemeenten", to: "/voor-gemeenten" }, { label: "Meldingen" }]}
      intro={
        <p>
          Plaats meldingen namens <strong>{author.organisation}</strong> voor de buurtpreventiegroepen in je gemeenten. Ze staan op de pagina&apos;s
          van de groepen en op &quot;Mijn groep&quot;, en de beheerders krijgen ze één keer per e-mail.
        </p>
      }
    >
      <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="space-y-12">
          <section aria-labelledby="nieuwe-melding" className="space-y-4">
            <h2 id="nieuwe-melding" className="text-2xl font-bold text-slate-900">
              Nieuwe melding
            </h2>
            <NoticeForm
              // a fresh form after a notice was placed (the page stays mounted on client navigation)
              key={notices.length}
              municipalities={municipalities}
              values={actionData?.values ?? defaults}
              errors={errors}
              submissionKey={actionData}
            />
          </section>
          <section aria-labelledby="je-meldingen" className="space-y-4">
            <h2 id="je-meldingen" className="text-2xl font-bold text-slate-900">
              Je meldingen
            </h2>
            <AuthorNoticeList notices={notices} names={names} confirmId={confirmId} />
          </section>
        </div>
        <aside aria-labelledby="account-gegevens" className="h-fit space-y-6 rounded-xl bg-slate-50 p-6">
          <h2 id="account-gegevens" className="text-lg font-bold text-slate-900">
            Je account
          </h2>
          <dl className="space-y-3 text-slate-800">
            <div>
              <dt className="font-semibold text-slate-900">Organisatie</dt>
              <dd data-testid="author-organisation">{author.organisation}</dd>
            </div>
            <div>
              <dt className="font-semibold text-slate-900">Ingelogd als</dt>
              <dd className="break-words">
                {author.name}
                <br />
                {author.email}
              </dd>
            </div>
            <div>
              <dt className="font-semibold text-slate-900">Je mag meldingen plaatsen voor</dt>
              <dd>
                <ul role="list" data-testid="author-municipalities">
                  {municipalities.map((m) => (
                    <li key={m.code}>
                      Gemeente {m.name}
                      {m.name !== m.code ? <span className="text-slate-600"> ({m.code})</span> : null}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          </dl>
          <Form method="post" action="/meldingen/uitloggen">
            <Button type="submit" variant="secondary">
              Uitloggen
            </Button>
          </Form>
        </aside>
      </div>
    </AccountLayout>
  );
}
