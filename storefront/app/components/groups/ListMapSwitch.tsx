import { Link } from "@remix-run/react";

/** /groepen's two views on a phone: the list (default) or the map, chosen with `?weergave=`. */
export type DirectoryView = "lijst" | "kaart";

/** "?weergave=kaart" → the map; anything else → the list. */
export function parseDirectoryView(raw: string | null | undefined): DirectoryView {
  return raw === "kaart" ? "kaart" : "lijst";
}

/** The same search and page in the other view: /groepen?zoek=3511&weergave=kaart. */
export function directoryViewHref(search: string, page: number, view: DirectoryView): string {
  const params = new URLSearchParams();
  if (search) params.set("zoek", search);
  if (page > 1) params.set("pagina", String(page));
  if (view === "kaart") params.set("weergave", "kaart");
  const query = params.toString();
  return query ? `/groepen?${query}` : "/groepen";
}

/**
 * "Lijst | Kaart" on narrow screens (on wide ones both show side by side): two plain
 * links, so the switch works without JavaScript; the current one has aria-current.
 */
export function ListMapSwitch({ view, search, page }: { view: DirectoryView; search: string; page: number }) {
  const item = (target: DirectoryView, label: string) => {
    const current = view === target;
    return (
      <Link
        to={directoryViewHref(search, page, target)}
        aria-current={current ? "page" : undefined}
        preventScrollReset
        className={`flex-1 rounded-md px-4 py-2.5 text-center font-semibold ${
          current ? "bg-brand-blue text-white" : "text-brand-blue underline underline-offset-2 hover:bg-white hover:no-underline"
        }`}
      >
        {label}
      </Link>
    );
  };
  return (
    <nav aria-label="Weergave" className="mx-auto max-w-6xl px-4 pt-6 lg:hidden" data-testid="list-map-switch">
      <div className="flex gap-1 rounded-lg border-2 border-brand-blue bg-brand-blue-light p-1">
        {item("lijst", "Lijst")}
        {item("kaart", "Kaart")}
      </div>
    </nav>
  );
}
