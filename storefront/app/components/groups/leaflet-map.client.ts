/// <reference types="leaflet.markercluster" />
/**
 * The Leaflet side of GroupMap: loaded with import() after hydration, so neither the server
 * nor pages without a map ever load Leaflet (~40 KB gzip) or the cluster plug-in (~10 KB).
 * Markers are CSS circles (L.divIcon, styled in app/styles/leaflet-groups.css): Leaflet's
 * default PNG icons do not survive bundling. Tiles that fail to load (offline, a blocked
 * tile server) leave a plain background; the markers still show.
 */
import type * as Leaflet from "leaflet";
import { formatNumber } from "~/lib/format";

export type MapMarker = {
  /** Links the popup to /groepen/<slug>; without it the marker has no popup. */
  slug?: string;
  name: string;
  woonplaats?: string;
  lat: number;
  lng: number;
  members?: number;
};

export type LatLng = { lat: number; lng: number };

export type GroupMapOptions = {
  tileUrl: string;
  attribution: string;
  /** Markers, or a loader for them (the overview fetches every group's point). */
  markers: MapMarker[] | (() => Promise<MapMarker[]>);
  /** Cluster markers when zoomed out (many markers). */
  cluster: boolean;
  /** Fit the view to these points; otherwise to the markers, or the whole country. */
  focus?: LatLng[];
  /** Single-marker maps zoom to this level. */
  zoom?: number;
  /** Let the visitor pick one point by clicking (registration form). */
  pick?: { initial: LatLng | null; onPick: (point: LatLng) => void };
  onTileError?: () => void;
  onMarkersFailed?: () => void;
  /** Called with the number of markers once they are on the map. */
  onMarkersShown?: (count: number) => void;
};

export type GroupMapHandle = {
  fit(points: LatLng[] | undefined): void;
  setPicked(point: LatLng | null): void;
  destroy(): void;
};

/** The Netherlands, for the initial view. */
const NL_VIEW: [[number, number], [number, number]] = [
  [50.75, 3.36],
  [53.55, 7.23],
];

const membersText = (count: number) => (count === 1 ? "1 lid" : `${formatNumber(count)} leden`);

/** Leaflet's ES module namespace is frozen, but the cluster plug-in adds itself to a global `L`. */
export async function loadLeaflet(cluster: boolean): Promise<typeof Leaflet> {
  const win = window as unknown as { L?: typeof Leaflet };
  if (win.L && (!cluster || "markerClusterGroup" in win.L)) return win.L;
  const leaflet = await import("leaflet");
  const L = { ...((leaflet as unknown as { default?: typeof Leaflet }).default ?? leaflet) } as typeof Leaflet;
  win.L = L;
  if (cluster) await import("leaflet.markercluster");
  return win.L;
}

function popupContent(marker: MapMarker): HTMLElement {
  const root = document.createElement("div");
  root.className = "bp-popup";
  const title = document.createElement(marker.slug ? "a" : "strong");
  title.className = "bp-popup__title";
  title.textContent = marker.name;
  if (marker.slug && title instanceof HTMLAnchorElement) title.href = `/groepen/${encodeURIComponent(marker.slug)}`;
  root.append(title);
  const details = [marker.woonplaats, typeof marker.members === "number" ? membersText(marker.members) : null].filter(Boolean);
  if (details.length) {
    const line = document.createElement("span");
    line.className = "bp-popup__meta";
    line.textContent = details.join(" · ");
    root.append(line);
  }
  return root;
}

/** Creates the map in `element`; call loadLeaflet(options.cluster) first. */
export function createGroupMap(L: typeof Leaflet, element: HTMLElement, options: GroupMapOptions): GroupMapHandle {
  const map = L.map(element, {
    zoomControl: true,
    scrollWheelZoom: false,
    attributionControl: true,
    minZoom: 6,
    maxZoom: 18,
    maxBounds: L.latLngBounds([
      [49.5, 1.5],
      [54.8, 9.0],
    ]),
  });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  // The page scrolls past the map; the wheel zooms only once the visitor uses the map.
  map.once("focus click", () => map.scrollWheelZoom.enable());

  let tileErrorReported = false;
  L.tileLayer(options.tileUrl, { attribution: options.attribution, maxZoom: 18, crossOrigin: false })
    .on("tileerror", () => {
      if (tileErrorReported) return;
      tileErrorReported = true;
      options.onTileError?.();
    })
    .addTo(map);

  const dot = L.divIcon({ className: "bp-marker", html: "", iconSize: [20, 20], iconAnchor: [10, 10], popupAnchor: [0, -10] });
  const pin = L.divIcon({ className: "bp-marker bp-marker--picked", html: "", iconSize: [28, 28], iconAnchor: [14, 14] });

  const fit = (points: LatLng[] | undefined, fallback: LatLng[] = []) => {
    const list = points?.length ? points : fallback;
    if (list.length === 1 && list[0]) map.setView([list[0].lat, list[0].lng], options.zoom ?? 13);
    else if (list.length > 1) map.fitBounds(L.latLngBounds(list.map((p) => [p.lat, p.lng] as [number, number])), { padding: [32, 32], maxZoom: 13 });
    else map.fitBounds(NL_VIEW);
    // The single point the view was centred on, for anyone who must act on a settled view
    // (the e2e test that clicks the map's centre waits for it).
    element.dataset.view = list.length === 1 && list[0] ? `${list[0].lat},${list[0].lng}` : "";
  };
  const inlineMarkers = Array.isArray(options.markers) && options.markers.length <= 50 ? options.markers : [];
  fit(options.focus, options.pick?.initial ? [options.pick.initial] : inlineMarkers);

  // The overview map (clustered, every group): its markers and clusters are no tab stops. The
  // list beside it gives keyboard users the same groups; Tab went through dozens of markers named
  // only by a number, many outside the visible map (cart walk, issue #27). The map itself stays
  // focusable (arrow keys pan, +/- zoom); a single group's map keeps its marker reachable.
  if (options.cluster) L.MarkerCluster.prototype.options.keyboard = false;
  const layer = options.cluster
    ? L.markerClusterGroup({
        showCoverageOnHover: false,
        maxClusterRadius: 50,
        spiderfyOnMaxZoom: true,
        iconCreateFunction(cluster) {
          const count = cluster.getChildCount();
          const size = count < 10 ? 34 : count < 100 ? 42 : 50;
          return L.divIcon({
            html: `<span>${count}</span>`,
            className: "bp-cluster",
            iconSize: L.point(size, size),
          });
        },
      })
    : L.layerGroup();
  layer.addTo(map);

  let destroyed = false;
  const showMarkers = (markers: MapMarker[]) => {
    if (destroyed) return;
    const made = markers.map((m) => {
      const marker = L.marker([m.lat, m.lng], { icon: dot, title: m.name, alt: m.name, riseOnHover: true, keyboard: !options.cluster });
      if (m.slug) marker.bindPopup(popupContent(m), { closeButton: true, minWidth: 180 });
      return marker;
    });
    if ("addLayers" in layer) (layer as Leaflet.MarkerClusterGroup).addLayers(made);
    else made.forEach((marker) => marker.addTo(layer));
    options.onMarkersShown?.(markers.length);
  };

  if (typeof options.markers === "function") {
    options
      .markers()
      .then(showMarkers)
      .catch(() => {
        if (!destroyed) options.onMarkersFailed?.();
      });
  } else {
    showMarkers(options.markers);
  }

  let picked: Leaflet.Marker | null = null;
  const setPicked = (point: LatLng | null) => {
    if (!point) {
      picked?.remove();
      picked = null;
      return;
    }
    if (!picked) {
      picked = L.marker([point.lat, point.lng], { icon: pin, title: PIN_LABEL, alt: PIN_LABEL, draggable: true, keyboard: true, zIndexOffset: 1000 });
      const choose = () => {
        const at = picked!.getLatLng();
        options.pick?.onPick({ lat: round(at.lat), lng: round(at.lng) });
      };
      picked.on("dragend", choose);
      // A click on the pin (or Enter on the focused pin) chooses the point where it stands,
      // e.g. the starting place at the centre of the first postcode.
      picked.on("click", choose);
      picked.addTo(map);
      // Keyboard users move the pin too (WCAG 2.1.1, 2.5.7): Tab to it, then the arrow keys.
      const element = picked.getElement();
      element?.setAttribute("aria-label", PIN_LABEL);
      element?.addEventListener("keydown", (event) => {
        const step = event.shiftKey ? 50 : 10;
        const move = ({ ArrowUp: [0, -step], ArrowDown: [0, step], ArrowLeft: [-step, 0], ArrowRight: [step, 0] } as Record<string, [number, number]>)[event.key];
        if (!move || !picked) return;
        event.preventDefault();
        event.stopPropagation();
        const at = map.containerPointToLatLng(map.latLngToContainerPoint(picked.getLatLng()).add(move));
        picked.setLatLng(at);
        map.panInside(at, { padding: [24, 24] });
        options.pick?.onPick({ lat: round(at.lat), lng: round(at.lng) });
      });
    } else {
      picked.setLatLng([point.lat, point.lng]);
    }
  };
  if (options.pick) {
    element.classList.add("bp-map--pick");
    if (options.pick.initial) setPicked(options.pick.initial);
    map.on("click", (event: Leaflet.LeafletMouseEvent) => {
      const point = { lat: round(event.latlng.lat), lng: round(event.latlng.lng) };
      setPicked(point);
      options.pick?.onPick(point);
    });
    // Keyboard users create the pin too (WCAG 2.1.1): Enter or Space on the focused map puts
    // it at the map's centre and moves focus to it, so the arrow keys move it from there.
    element.addEventListener("keydown", (event) => {
      if (event.target !== element || (event.key !== "Enter" && event.key !== " ")) return;
      event.preventDefault();
      const centre = map.getCenter();
      const point = { lat: round(centre.lat), lng: round(centre.lng) };
      setPicked(point);
      options.pick?.onPick(point);
      picked?.getElement()?.focus();
    });
  }

  // Leaflet measures its container once; re-measure when the layout changes it.
  const resize = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => map.invalidateSize());
  resize?.observe(element);

  return {
    fit: (points) => fit(points),
    setPicked,
    destroy() {
      destroyed = true;
      resize?.disconnect();
      map.remove();
    },
  };
}

const PIN_LABEL = "Punt van je buurt: verschuif met de pijltjestoetsen (Shift voor grotere stappen) of sleep het";

/** Five decimals: about a metre. */
function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
