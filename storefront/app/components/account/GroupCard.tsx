import { Link } from "@remix-run/react";
import type { MyGroup } from "~/lib/account/account.server";
import { StatusBadge } from "./StatusBadge";

const linkClass = "font-semibold text-brand-blue underline underline-offset-2 hover:no-underline";
const members = (n: number) => (n === 1 ? "1 lid" : `${n} leden`);

/** One of the admin's groups on "Mijn groep": status, listing and what they can do with it. */
export function GroupCard({ group }: { group: MyGroup }) {
  const headingId = `groep-${group.id}`;
  return (
    <article aria-labelledby={headingId} data-testid="my-group" className="rounded-xl border-2 border-slate-200 bg-white p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2 id={headingId} className="text-2xl font-bold text-slate-900">
          {group.name}
        </h2>
        <StatusBadge status={group.status} />
      </div>
      {group.status === "pending" ? (
        <p className="mt-3 text-slate-700">We bekijken je aanmelding. Je krijgt een e-mail zodra de groep op de kaart staat.</p>
      ) : null}
      {group.status === "rejected" ? (
        <p className="mt-3 rounded-lg bg-red-50 p-3 text-red-950">
          <strong>Reden van afwijzing:</strong> {group.rejectionReason ?? "niet opgegeven"}
        </p>
      ) : null}
      <dl className="mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold text-slate-900">Woonplaats</dt>
        <dd>
          {group.woonplaats} (gemeente {group.gemeente})
        </dd>
        <dt className="font-semibold text-slate-900">Postcodes</dt>
        <dd>{group.postcodes.join(", ")}</dd>
        <dt className="font-semibold text-slate-900">Leden</dt>
        <dd data-testid="my-group-members">{members(group.memberCount)}</dd>
        {group.adminEmail ? (
          <>
            <dt className="font-semibold text-slate-900">Beheerder</dt>
            <dd>
              {group.adminName} ({group.adminEmail}) <span className="text-sm text-slate-700">— alleen jij en onze medewerkers zien dit</span>
            </dd>
          </>
        ) : null}
      </dl>
      <ul className="mt-5 flex flex-wrap gap-x-6 gap-y-2">
        {group.status !== "archived" ? (
          <li>
            <Link to={`/mijn-groep/${group.id}`} className={linkClass}>
              Gegevens aanpassen<span className="sr-only"> van {group.name}</span>
            </Link>
          </li>
        ) : null}
        {group.status === "approved" ? (
          <>
            <li>
              <Link to={`/groepen/${group.slug}`} className={linkClass}>
                Bekijk de openbare pagina<span className="sr-only"> van {group.name}</span>
              </Link>
            </li>
            <li>
              <Link to={`/groepen/${group.slug}/bestellen`} className={linkClass}>
                Bestel borden voor deze groep<span className="sr-only"> ({group.name})</span>
              </Link>
            </li>
          </>
        ) : null}
      </ul>
    </article>
  );
}
