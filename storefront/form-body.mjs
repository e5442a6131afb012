/**
 * The storefront's pages take form posts only (server.mjs, before Remix). Every action reads
 * `request.formData()`, which throws on a body without a form Content-Type: an empty POST
 * (no Content-Type, Content-Length 0) to `/inloggen`, `/winkelmand`, `/herroepen`, … was a 500
 * with Remix's error page. Any request with a body method (POST, PUT, PATCH, DELETE) must say
 * `application/x-www-form-urlencoded` (what every form and Remix's fetchers send) or
 * `multipart/form-data` with a boundary; anything else gets a 400 with a Dutch page. An empty
 * form body is let through: the action answers it like a form sent empty (its field errors).
 */
import { plainPage } from "./plain-page.mjs";

export const BAD_FORM_PAGE = plainPage({
  title: "Formulier niet goed verstuurd",
  heading: "Dit formulier kwam niet goed aan",
  text: "De winkel kon niet lezen wat er werd verstuurd. Ga terug, vul het formulier opnieuw in en verstuur het nog eens.",
});

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Whether a Content-Type header names a form body `request.formData()` can read. */
export function isFormContentType(header) {
  if (typeof header !== "string") return false;
  const [type = "", ...params] = header.split(";").map((part) => part.trim());
  const media = type.toLowerCase();
  if (media === "application/x-www-form-urlencoded") return true;
  if (media !== "multipart/form-data") return false;
  return params.some((param) => /^boundary=("?)[^"\s]{1,70}\1$/i.test(param));
}

/** Express middleware: 400 with a Dutch page for a body that is no form. */
export function formBodiesOnly() {
  return function refuseNonFormBodies(req, res, next) {
    if (!BODY_METHODS.has(req.method) || isFormContentType(req.headers["content-type"])) return next();
    res.status(400);
    res.set({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    // the body (if any) is not read: close rather than keep a half-read connection alive
    res.set("Connection", "close");
    res.end(BAD_FORM_PAGE);
  };
}
