import type { LinkDescriptor } from "@remix-run/node";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import leafletStyles from "leaflet/dist/leaflet.css?url";
import clusterStyles from "leaflet.markercluster/dist/MarkerCluster.css?url";
import groupMapStyles from "~/styles/leaflet-groups.css?url";
import type { GroupMapHandle, LatLng, MapMarker } from "./leaflet-map.client";

export type { LatLng, MapMarker } from "./leaflet-map.client";

/** For the `links` export of every route with a map (Leaflet's CSS, clusters, our markers). */
export const groupMapLinks: LinkDescriptor[] = [
  { rel: "stylesheet", href: leafletStyles },
  { rel: "stylesheet", href: clusterStyles },
  { rel: "stylesheet", href: groupMapStyles },
];

type MapStatus = "waiting" | "loading" | "ready" | "failed";

type GroupMapProps = {
  /** Tile server template and credit (from the loader: MAP_TILE_URL). */
  settings: { tileUrl: string; attribution: string };
  /** Accessible name of the map region, e.g. "Kaart met alle buurtpreventiegroepen". */
  label: string;
  /** The text alternative: what the map shows and where else to find it. Shown until the map is ready. */
  children: ReactNode;
  markers?: MapMarker[];
  /** Fetch the markers from this JSON resource ({ points: MapMarker[] }) instead. */
  pointsUrl?: string;
  /** Cluster nearby markers (maps with many groups). */
  cluster?: boolean;
  /** Points to fit the view to (e.g. the search results). */
  focus?: LatLng[];
  zoom?: number;
  /** Registration form: clicking the map picks a point. */
  pick?: { value: LatLng | null; onPick: (point: LatLng) => void };
  className?: string;
};

/**
 * A Leaflet map that is loaded only in the browser, after hydration (lazy import in an
 * effect). The server renders a placeholder with the text alternative, so the page works
 * and makes sense without JavaScript; the lists and forms never depend on the map.
 */
export function GroupMap({
  settings,
  label,
  children,
  markers,
  pointsUrl,
  cluster = false,
  focus,
  zoom,
  pick,
  className = "h-80",
}: GroupMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<GroupMapHandle | null>(null);
  const [status, setStatus] = useState<MapStatus>("waiting");
  const [tilesFailed, setTilesFailed] = useState(false);
  const [markersFailed, setMarkersFailed] = useState(false);
  const descriptionId = useId();
  // Latest callbacks and values without re-creating the map.
  const pickRef = useRef(pick);
  pickRef.current = pick;
  // The focus when the map is finally created, not when the effect started: the
  // registration form's postcode centre may arrive while Leaflet is still loading.
  const focusRef = useRef(focus);
  focusRef.current = focus;
  const focusKey = JSON.stringify(focus ?? []);

  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    let cancelled = false;
    const load = () => {
      setStatus("loading");
      import("./leaflet-map.client")
        .then(async ({ createGroupMap, loadLeaflet }) => {
          const L = await loadLeaflet(cluster);
          // Unmounted meanwhile (or React's development double effect): create nothing.
          if (cancelled) return null;
          return createGroupMap(L, element, {
            tileUrl: settings.tileUrl,
            attribution: settings.attribution,
            markers: pointsUrl
              ? () =>
                  fetch(pointsUrl, { headers: { Accept: "application/json" } }).then(async (response) => {
                    if (!response.ok) throw new Error(`HTTP ${response.status}`);
                    return ((await response.json()) as { points: MapMarker[] }).points;
                  })
              : (markers ?? []),
            cluster,
            focus: focusRef.current,
            zoom,
            pick: pickRef.current
              ? { initial: pickRef.current.value, onPick: (point) => pickRef.current?.onPick(point) }
              : undefined,
            onTileError: () => !cancelled && setTilesFailed(true),
            onMarkersFailed: () => !cancelled && setMarkersFailed(true),
          });
        })
        .then((handle) => {
          if (!handle) return;
          if (cancelled) {
            handle.destroy();
            return;
          }
          handleRef.current = handle;
          setStatus("ready");
        })
        .catch((error: unknown) => {
          console.error("Group map could not be loaded", error);
          if (!cancelled) setStatus("failed");
        });
    };
    // A hidden map (the list view on a phone) waits until it is shown: Leaflet cannot fit a
    // view into 0×0 pixels (it threw, and the map stayed "failed" after the switch to the
    // map), and a phone that never opens the map loads none of it.
    const shown = () => element.offsetWidth > 0 && element.offsetHeight > 0;
    let waitForSize: ResizeObserver | null = null;
    if (shown() || typeof ResizeObserver === "undefined") load();
    else {
      waitForSize = new ResizeObserver(() => {
        if (cancelled || !shown()) return;
        waitForSize?.disconnect();
        waitForSize = null;
        load();
      });
      waitForSize.observe(element);
    }
    return () => {
      cancelled = true;
      waitForSize?.disconnect();
      handleRef.current?.destroy();
      handleRef.current = null;
    };
    // The map is created once per mount; focus and the picked point are updated below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // New search results: move the view, keep the map.
  const firstFocus = useRef(true);
  useEffect(() => {
    if (firstFocus.current) {
      firstFocus.current = false;
      return;
    }
    handleRef.current?.fit(focus);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey]);

  const pickedKey = pick?.value ? `${pick.value.lat},${pick.value.lng}` : "";
  useEffect(() => {
    if (status === "ready" && pick) handleRef.current?.setPicked(pick.value);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pickedKey, status]);

  return (
    <div
      role="region"
      aria-label={label}
      aria-describedby={descriptionId}
      className={`relative overflow-hidden rounded-xl border border-slate-300 bg-[#e6edf5] ${className}`}
    >
      <div ref={containerRef} data-testid="group-map" data-status={status} className="bp-map h-full w-full" />
      {status !== "ready" ? (
        <div className="absolute inset-0 grid place-items-center p-6 text-center">
          <div className="max-w-sm">
            <svg viewBox="0 0 24 24" className="mx-auto h-10 w-10 text-brand-blue" aria-hidden="true" focusable="false">
              <path
                d="M9 4 3 6v14l6-2 6 2 6-2V4l-6 2-6-2zm0 0v14m6-12v14"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinejoin="round"
              />
            </svg>
            <div id={descriptionId} className="mt-3 text-slate-700">
              {children}
            </div>
            {status === "failed" ? (
              <p className="mt-2 font-semibold text-slate-900">De kaart kon niet worden geladen.</p>
            ) : (
              <p className="mt-2 text-sm text-slate-700" aria-hidden="true">
                {status === "loading" ? "Kaart laden…" : ""}
              </p>
            )}
          </div>
        </div>
      ) : (
        <div id={descriptionId} className="sr-only">
          {children}
        </div>
      )}
      {status === "ready" && (tilesFailed || markersFailed) ? (
        <p
          data-testid="map-notice"
          className="pointer-events-none absolute inset-x-3 bottom-8 z-[1000] mx-auto w-fit rounded-md bg-white/95 px-3 py-1.5 text-center text-sm text-slate-800 shadow"
        >
          {markersFailed
            ? "De groepen konden niet op de kaart worden gezet. Gebruik de lijst."
            : pick
              ? // the registration map shows no groups: say what still works there
                "Kaartachtergrond niet beschikbaar; vul de breedte- en lengtegraad in of tik op de kaart."
              : "Kaartachtergrond niet beschikbaar; de groepen staan wel op de kaart."}
        </p>
      ) : null}
    </div>
  );
}
