import { Link } from "@remix-run/react";

/**
 * "Mijn groep": the group's point lies far from its postcodes (the backend's Dutch warning,
 * with the distance). A note, not an error: the admin may know better, but a mis-tapped
 * pin puts the group in the wrong place in every postcode search.
 */
export function PointWarning({ message, editHref }: { message: string | null; editHref?: string }) {
  if (!message) return null;
  return (
    <div role="note" data-testid="point-warning" className="rounded-xl border-2 border-amber-500 bg-amber-50 p-4 text-slate-900">
      <p>
        <strong>Let op de plek op de kaart.</strong> {message}
      </p>
      {editHref ? (
        <p className="mt-2">
          <Link to={editHref} className="font-semibold text-brand-blue underline underline-offset-2 hover:no-underline">
            Plek op de kaart aanpassen
          </Link>
        </p>
      ) : (
        <p className="mt-2 text-slate-700">Verschuif de speld hieronder naar het midden van je buurt, en sla op.</p>
      )}
    </div>
  );
}
