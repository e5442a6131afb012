import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { readRegistration } from "~/lib/groups/group-registration.server";
import { privatePageHeaders } from "~/lib/request/headers";
import { pageTitle } from "~/lib/seo/seo";
import { PAGE_TITLE } from "~/components/PageTitle";

export const meta: MetaFunction = () => [
  { title: pageTitle("Bevestig je e-mailadres") },
  { name: "robots", content: "noindex" },
];

/** About one visitor's registration: never cached. */
export const headers = privatePageHeaders;

/** The backend's answer when there is none to show (a filled honeypot): the same words. */
const DEFAULT_MESSAGE =
  "Bijna klaar! We hebben je een e-mail gestuurd. Klik op de link in die e-mail om je e-mailadres te bevestigen; pas daarna bekijken we je aanmelding.";

/** After POST /groepen/aanmelden (post/redirect/get): the typed name and the answer come from a short-lived signed cookie. */
export async function loader({ request }: LoaderFunctionArgs) {
  const registration = await readRegistration(request);
  return { name: registration?.name ?? null, message: registration?.message || DEFAULT_MESSAGE };
}

export default function RegisteredPage() {
  const { name, message } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <div className="flex items-center gap-4">
        <span aria-hidden="true" className="grid h-14 w-14 shrink-0 place-items-center rounded-full bg-green-700 text-3xl text-white">
          ✓
        </span>
        <h1 className={`sm:text-4xl ${PAGE_TITLE}`}>Bevestig je e-mailadres</h1>
      </div>
      <div data-testid="registration-confirmation" className="mt-6 space-y-3 text-lg text-slate-800">
        {name ? (
          <p>
            Bedankt voor het aanmelden van <strong className="text-slate-950">{name}</strong>.
          </p>
        ) : (
          <p>Bedankt voor je aanmelding.</p>
        )}
        <p>{message}</p>
        <p className="text-base text-slate-700">
          Geen e-mail gekregen? Kijk ook in je map met ongewenste e-mail. Zonder bevestiging verwijderen we de aanmelding
          vanzelf.
        </p>
      </div>

      <section aria-labelledby="wat-nu" className="mt-10 rounded-xl border border-slate-200 bg-slate-50 p-6">
        <h2 id="wat-nu" className="text-xl font-bold text-slate-900">
          Wat kun je nu al doen?
        </h2>
        <ul className="mt-4 space-y-3 text-slate-800">
          <li className="flex gap-3">
            <span aria-hidden="true" className="text-brand-blue">→</span>
            <span>
              Zet de{" "}
              <Link to="/gedragsregels" className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
                gedragsregels
              </Link>{" "}
              in de beschrijving van je groep, zodat iedereen weet wat de afspraken zijn.
            </span>
          </li>
          <li className="flex gap-3">
            <span aria-hidden="true" className="text-brand-blue">→</span>
            <span>
              Laat zien dat jullie buurt oplet met{" "}
              <Link to="/winkel/borden" className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
                straatborden
              </Link>{" "}
              en raamstickers.
            </span>
          </li>
          <li className="flex gap-3">
            <span aria-hidden="true" className="text-brand-blue">→</span>
            <span>Houd je mailbox in de gaten: buren die mee willen doen, sturen hun bericht naar jouw e-mailadres.</span>
          </li>
        </ul>
      </section>

      <p className="mt-8 flex flex-wrap gap-3">
        <Link to="/groepen" className="inline-flex rounded-lg border-2 border-brand-blue bg-brand-blue px-5 py-3 font-semibold text-white hover:bg-brand-blue-dark">
          Naar alle groepen
        </Link>
        <Link
          to="/"
          className="inline-flex rounded-lg border-2 border-brand-blue bg-white px-5 py-3 font-semibold text-brand-blue hover:bg-brand-blue-light"
        >
          Naar de winkel
        </Link>
      </p>
    </div>
  );
}
