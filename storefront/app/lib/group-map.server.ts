/** The directory map's tile server, read once from the environment. */
export const DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
export const OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bijdragers';

export type MapSettings = { tileUrl: string; attribution: string };

/**
 * The map's tile server (MAP_TILE_URL, an http(s) template with {z}, {x} and {y}) and its
 * credit line (MAP_TILE_ATTRIBUTION, HTML; default OpenStreetMap's). A bad value falls
 * back to OpenStreetMap with a warning: the map is an enhancement, never a reason to fail.
 */
export function parseMapSettings(env: Record<string, string | undefined>): MapSettings {
  const raw = env.MAP_TILE_URL?.trim();
  let tileUrl = DEFAULT_TILE_URL;
  if (raw) {
    if (/^https?:\/\/[^\s"'<>]+$/i.test(raw) && ["{z}", "{x}", "{y}"].every((part) => raw.includes(part))) tileUrl = raw;
    else console.warn(`Storefront: MAP_TILE_URL is not an http(s) tile template with {z}, {x} and {y} ("${raw}"): using OpenStreetMap`);
  }
  const attribution = env.MAP_TILE_ATTRIBUTION?.trim() || OSM_ATTRIBUTION;
  return { tileUrl, attribution };
}

let mapSettings: MapSettings | undefined;
export function getMapSettings(): MapSettings {
  mapSettings ??= parseMapSettings(process.env);
  return mapSettings;
}

