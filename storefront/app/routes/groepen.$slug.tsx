import { Icon } from "~/components/Icon";
import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { Button } from "~/components/Button";
import { CartForm } from "~/components/CartForm";
import { Field } from "~/components/form/Field";
import { ErrorSummary } from "~/components/form/ErrorSummary";
import { Honeypot, TextAreaField } from "~/components/form/FormControls";
import { AreaNotices } from "~/components/groups/AreaNotices";
import { GroupMap, groupMapLinks } from "~/components/groups/GroupMap";
import { failureStatus, loadFromBackend } from "~/lib/backend/backend.server";
import { getSiteUrl } from "~/lib/seo/seo.server";
import { type FieldErrors, orderedErrors } from "~/lib/form-errors";
import { formError, readForm } from "~/lib/form.server";
import { formatDate, formatPostcodes } from "~/lib/format";
import { CONTACT_FIELDS, type ContactForm } from "~/lib/groups/group-forms";
import { getConfig } from "~/lib/config.server";
import { signsOrderedLabel } from "~/lib/groups/group-orders";
import { clientIpFrom, contactGroupAdmin, getGroup } from "~/lib/groups/groups.server";
import { directoryCacheHeaders, withRetryAfter } from "~/lib/request/headers";
import { getAreaNotices } from "~/lib/notices/notices.server";
import { canonicalUrl, seoMeta } from "~/lib/seo/seo";
import { ShareInWhatsApp } from "~/components/groups/ShareInWhatsApp";
import { posterPath } from "~/lib/groups/group-share";
import { ownGroupShare } from "~/lib/groups/group-share.server";
import { ogImagePath } from "~/lib/seo/og-image";
import { PAGE_TITLE } from "~/components/PageTitle";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => seoMeta(data?.seo, matches[0]?.meta);

export const links: LinksFunction = () => groupMapLinks;

// The admin's own view (with the share box) is never stored by a shared cache.
export const headers: HeadersFunction = withRetryAfter(({ parentHeaders, loaderHeaders }) =>
  loaderHeaders.get("Cache-Control") === "private, no-store" ? { "Cache-Control": "private, no-store" } : directoryCacheHeaders(parentHeaders),
);

/** The notice after a message was relayed (also shown when the honeypot caught a bot). */
const CONTACT_SENT = "Je bericht is doorgestuurd naar de beheerder van de groep.";

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  // Notices never fail the page (getAreaNotices answers [] then), so both load side by side; so does the admin's share box.
  const [group, notices, share] = await Promise.all([loadFromBackend(() => getGroup(slug)), getAreaNotices(slug), ownGroupShare(context.session, slug)]);
  if (!group) throw new Response("Niet gevonden", { status: 404, statusText: "Not Found" });
  const payload = {
    group,
    share,
    notices,
    signsLabel: signsOrderedLabel(group.signsOrdered),
    map: getConfig().map,
    seo: {
      title: `${group.name} in ${group.woonplaats}`,
      description: `${group.name}: WhatsApp-buurtpreventie in ${group.woonplaats} (gemeente ${group.gemeente}), ${group.membersLabel}. Stuur de beheerder een bericht om mee te doen.`,
      canonical: canonicalUrl(getSiteUrl(), `/groepen/${group.slug}`),
      image: { url: canonicalUrl(getSiteUrl(), ogImagePath("groep", group.slug)), alt: `${group.name}: WhatsApp-buurtpreventie in ${group.woonplaats}` },
    },
  };
  return share ? data(payload, { headers: { "Cache-Control": "private, no-store" } }) : payload;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = params.slug ?? "";
  // Kept to fill the form again; the honeypot is never echoed.
  const { values, text } = await readForm(request, CONTACT_FIELDS);
  if (!text("website")) {
    try {
      // The backend judges the fields (StoreContactGroup) and answers per field in Dutch.
      await contactGroupAdmin(slug, values, clientIpFrom(context));
    } catch (error) {
      if (failureStatus(error) === 404) throw new Response("Niet gevonden", { status: 404, statusText: "Not Found" });
      return formError(error, values);
    }
  }
  // A filled honeypot gets the same answer, but nothing is sent.
  context.session.flash("notice", { kind: "info", message: CONTACT_SENT });
  return redirect(`/groepen/${encodeURIComponent(slug)}`, { status: 303 });
}

export default function GroupPage() {
  const { group, map, notices, signsLabel, share } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const sending = navigation.state === "submitting";
  const errors: FieldErrors = actionData?.errors ?? {};
  const values: ContactForm = actionData?.values ?? {};
  const summary = orderedErrors(errors, CONTACT_FIELDS);
  // After a successful send (a redirect: no action data), empty the form for the next message.
  const formRef = useRef<HTMLFormElement>(null);
  const submitted = useRef(false);
  useEffect(() => {
    if (navigation.state === "submitting") submitted.current = true;
    if (navigation.state === "idle" && submitted.current) {
      submitted.current = false;
      if (!actionData) formRef.current?.reset();
    }
  }, [navigation.state, actionData]);

  return (
    <article>
      <div className="border-b border-slate-200 bg-brand-blue-light">
        <div className="mx-auto max-w-6xl px-4 pt-6 pb-10 sm:pb-12">
          <Breadcrumbs
            items={[
              { label: "Groepen", to: "/groepen" },
              { label: group.gemeente, to: `/gemeenten/${group.gemeenteSlug}` },
              { label: group.name },
            ]}
          />
          <p className="mt-6 text-sm font-semibold tracking-wide text-brand-blue uppercase">
            WhatsApp-buurtpreventie in {group.woonplaats}
          </p>
          <h1 className={`mt-2 max-w-3xl text-balance sm:text-4xl ${PAGE_TITLE}`}>
            {group.name}
          </h1>
          <p className="mt-4 max-w-2xl text-lg text-slate-700">
            Buren die samen opletten in {group.woonplaats} en elkaar via WhatsApp waarschuwen bij verdachte situaties.
            Wil je meedoen? Stuur de beheerder een bericht.
          </p>
        </div>
      </div>

      <div className="mx-auto grid max-w-6xl gap-10 px-4 pt-10 lg:grid-cols-[minmax(0,1fr)_minmax(0,28rem)]">
        <div className="space-y-8">
          {share ? <ShareInWhatsApp id="delen" groupName={group.name} {...share} /> : null}
          <AreaNotices notices={notices} />
          <section aria-labelledby="over-de-groep">
            <h2 id="over-de-groep" className="text-2xl font-bold text-slate-900">
              Over de groep
            </h2>
            <dl data-testid="group-facts" className="mt-4 grid gap-x-8 gap-y-4 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-2">
              <div>
                <dt className="text-sm font-semibold text-slate-700">Woonplaats</dt>
                <dd className="mt-0.5 text-lg text-slate-900">{group.woonplaats}</dd>
              </div>
              <div>
                <dt className="text-sm font-semibold text-slate-700">Gemeente</dt>
                <dd className="mt-0.5 text-lg">
                  <Link
                    to={`/gemeenten/${group.gemeenteSlug}`}
                    className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline"
                  >
                    {group.gemeente}
                  </Link>
                </dd>
              </div>
              <div>
                <dt className="text-sm font-semibold text-slate-700">{group.postcodes.length === 1 ? "Postcode" : "Postcodes"}</dt>
                <dd className="mt-0.5 text-lg text-slate-900" data-testid="group-postcodes">
                  {group.postcodes.join(", ")}
                </dd>
              </div>
              <div>
                <dt className="text-sm font-semibold text-slate-700">Leden</dt>
                <dd className="mt-0.5 text-lg text-slate-900" data-testid="group-members">
                  {group.membersLabel}
                </dd>
              </div>
              {group.approvedOn ? (
                <div className="sm:col-span-2">
                  <dt className="text-sm font-semibold text-slate-700">Op de kaart sinds</dt>
                  <dd className="mt-0.5 text-slate-900">
                    <time dateTime={group.approvedOn}>{formatDate(group.approvedOn)}</time>
                  </dd>
                </div>
              ) : null}
            </dl>
          </section>

          {group.lat !== null && group.lng !== null ? (
            <GroupMap
              settings={map}
              label={`Kaart: waar ${group.name} actief is`}
              markers={[{ name: group.name, woonplaats: group.woonplaats, lat: group.lat, lng: group.lng, members: group.memberCount }]}
              zoom={13}
              className="h-72"
            >
              <p className="flex items-center justify-center gap-1.5">
                <Icon name="pin" className="h-5 w-5 shrink-0" />
                {group.name} is actief in {group.woonplaats}, {formatPostcodes(group.postcodes)}.
              </p>
            </GroupMap>
          ) : null}

          <section aria-labelledby="borden" className="flex flex-wrap items-center gap-5 rounded-xl bg-brand-blue p-6 text-white" data-surface="dark">
            <div className="min-w-56 flex-1">
              <h2 id="borden" className="text-xl font-bold">
                Laat zien dat deze buurt oplet
              </h2>
              {signsLabel ? (
                <p className="mt-1 text-lg font-bold text-brand-yellow" data-testid="signs-ordered">
                  {signsLabel}
                </p>
              ) : null}
              <p className="mt-1 text-slate-100">Straatborden en raamstickers voor WhatsApp-buurtpreventie, snel in huis.</p>
              <p className="mt-2">
                <a href={posterPath(group.slug)} className="font-semibold text-white underline underline-offset-2 hover:no-underline">
                  Poster voor in de buurt (A4, pdf)
                </a>
              </p>
            </div>
            {/* Puts the group on the cart (POST, also without JavaScript), then on to the signs. */}
            <CartForm intent="set-group" fields={{ group: group.slug, next: "/winkel/borden", back: `/groepen/${group.slug}` }}>
              <button
                type="submit"
                className="inline-flex items-center gap-2 rounded-lg bg-brand-yellow px-5 py-3 font-bold text-slate-950 hover:bg-white"
              >
                Bestel borden voor deze buurt <span aria-hidden="true">→</span>
              </button>
            </CartForm>
          </section>
        </div>

        <section
          aria-labelledby="contact"
          id="bericht"
          className="h-fit scroll-mt-6 rounded-xl border-2 border-brand-blue-light bg-white p-6 shadow-sm lg:sticky lg:top-6"
        >
          <h2 id="contact" className="text-2xl font-bold text-slate-900">
            Stuur de beheerder een bericht
          </h2>
          <p className="mt-2 text-slate-700">
            Je bericht gaat per e-mail naar de beheerder van deze groep, die je kan toevoegen. De beheerder antwoordt op
            jouw e-mailadres; contactgegevens van de beheerder staan niet op deze site.
          </p>
          <Form ref={formRef} method="post" noValidate preventScrollReset className="relative mt-5 space-y-5">
            <ErrorSummary errors={summary} submissionKey={actionData} />
            <Field
              name="name"
              label="Je naam"
              autoComplete="name"
              required
              maxLength={80}
              defaultValue={values.name ?? ""}
              error={errors.name}
            />
            <Field
              name="email"
              type="email"
              label="Je e-mailadres"
              autoComplete="email"
              required
              maxLength={254}
              defaultValue={values.email ?? ""}
              error={errors.email}
              hint="Alleen de beheerder krijgt het te zien, om je te antwoorden."
            />
            <TextAreaField
              name="message"
              label="Je bericht"
              required
              rows={6}
              maxLength={2000}
              defaultValue={values.message ?? ""}
              error={errors.message}
              hint="Vertel wie je bent en in welke straat je woont (minstens 10 tekens)."
            />
            <Honeypot />
            <Button type="submit" disabled={sending} className="w-full text-lg">
              {sending ? "Versturen…" : "Bericht versturen"}
            </Button>
            <p className="text-sm text-slate-700">
              Deel nooit een uitnodigingslink van een WhatsApp-groep met onbekenden. Lees ook de{" "}
              <Link to="/gedragsregels" className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
                gedragsregels
              </Link>
              .
            </p>
          </Form>
        </section>
      </div>
    </article>
  );
}
