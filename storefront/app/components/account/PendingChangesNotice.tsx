import type { PendingGroupChanges } from "~/lib/account/account.server";
import { formatCoordinate } from "~/lib/format";

const FIELD_LABELS: Record<PendingGroupChanges["changes"][number]["field"], string> = {
  name: "Naam",
  woonplaats: "Woonplaats",
  gemeente: "Gemeente",
  postcodes: "Postcodes",
  lat: "Breedtegraad",
  lng: "Lengtegraad",
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "number") return formatCoordinate(value);
  return String(value);
}

/**
 * "Wacht op goedkeuring": the admin's change of name or location that staff still review.
 * The public page keeps the old values until then, so say so plainly and show old → new.
 */
export function PendingChangesNotice({ pending, id }: { pending: PendingGroupChanges; id: string }) {
  const headingId = `wijziging-${id}`;
  return (
    <section aria-labelledby={headingId} data-testid="pending-changes" className="rounded-lg border-2 border-amber-300 bg-amber-50 p-4 text-amber-950">
      <h3 id={headingId} className="font-semibold">
        Je wijziging wacht op goedkeuring
      </h3>
      <p className="mt-1 text-sm">
        Een nieuwe naam of plek bekijken we eerst. Tot we die hebben goedgekeurd, staat je groep zoals hieronder onder
        &quot;Nu&quot; op de site. Je krijgt bericht als we de wijziging niet overnemen.
      </p>
      <table className="mt-3 w-full text-left text-sm">
        <caption className="sr-only">Wat er verandert</caption>
        <thead>
          <tr>
            <th scope="col" className="pr-4 font-semibold">Gegeven</th>
            <th scope="col" className="pr-4 font-semibold">Nu</th>
            <th scope="col" className="font-semibold">Wordt</th>
          </tr>
        </thead>
        <tbody>
          {pending.changes.map((change) => (
            <tr key={change.field}>
              <th scope="row" className="pr-4 font-normal">{FIELD_LABELS[change.field] ?? change.field}</th>
              <td className="pr-4">{show(change.from)}</td>
              <td className="font-semibold">{show(change.to)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
