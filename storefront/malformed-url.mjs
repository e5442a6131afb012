/**
 * A URL whose path cannot be read: a broken percent-escape (`/%`, `/groepen/%E0%A4%A`) made
 * express.static answer Express's English "Bad Request" page, and a NUL or other control
 * character (`/producten/%00`) reached the backend, whose refusal the page then showed as
 * "de winkel is tijdelijk niet bereikbaar" (503). Both are the visitor's URL, not an outage:
 * 400 with a Dutch page, before anything else reads the path.
 */
import { plainPage } from "./plain-page.mjs";

export const BAD_URL_PAGE = plainPage({
  title: "Adres niet leesbaar",
  heading: "Dit adres kan de winkel niet lezen",
  text: "Er staan tekens in het webadres die niet kloppen. Controleer de link of begin opnieuw op de voorpagina.",
});

/** Whether a request path decodes to text without control characters. */
export function isReadablePath(path) {
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u001f\u007f]/.test(decoded);
}

/** Express middleware: 400 with a Dutch page for a path that cannot be read. */
export function refuseMalformedUrls() {
  return function refuseMalformedUrl(req, res, next) {
    const path = req.originalUrl.split("?")[0] ?? "";
    if (isReadablePath(path)) return next();
    res.status(400);
    res.set({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(BAD_URL_PAGE);
  };
}
