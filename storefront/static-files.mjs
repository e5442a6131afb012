/**
 * The storefront's static files (server.mjs) and how long browsers may keep them (issue #29):
 * - /assets/*: Vite fingerprints every file name, so a year, immutable (no revalidation);
 * - /images/*: product images keep their names when they change: a day fresh, then up to
 *   a week served from cache while the browser revalidates (ETag) in the background;
 * - anything else from public/ (favicon, …): an hour.
 * A miss falls through to Remix (its 404 page).
 */
import express from "express";
import path from "node:path";

export const ASSETS_CACHE_CONTROL = "public, max-age=31536000, immutable";
export const IMAGES_CACHE_CONTROL = "public, max-age=86400, stale-while-revalidate=604800";
export const PUBLIC_CACHE_CONTROL = "public, max-age=3600";

/** @param {string} clientDir the client build (build/client) */
export function staticFiles(clientDir) {
  const router = express.Router();
  const fixed = (value) => ({ cacheControl: false, setHeaders: (res) => res.setHeader("Cache-Control", value) });
  router.use("/assets", express.static(path.join(clientDir, "assets"), fixed(ASSETS_CACHE_CONTROL)));
  router.use("/images", express.static(path.join(clientDir, "images"), fixed(IMAGES_CACHE_CONTROL)));
  router.use(express.static(clientDir, fixed(PUBLIC_CACHE_CONTROL)));
  return router;
}
