/**
 * The shop's pages answer GET and HEAD, its forms POST; nothing else reaches Remix. Before,
 * `TRACE` got Express's English 500 page and every `PUT`/`OPTIONS`/`DELETE` wrote a stack
 * trace to the log (the attacker walk of #28). Now: 405 with `Allow` and a Dutch page.
 */
import { plainPage } from "./plain-page.mjs";

export const ALLOWED_METHODS = ["GET", "HEAD", "POST"];

export const METHOD_NOT_ALLOWED_PAGE = plainPage({
  title: "Niet toegestaan",
  heading: "Zo kan deze pagina niet worden opgevraagd",
  text: "De winkel kent alleen gewone paginaverzoeken en formulieren. Open de pagina via een link of begin opnieuw op de voorpagina.",
});

/** Express middleware: 405 with a Dutch page for any method but GET, HEAD and POST. */
export function allowedMethodsOnly() {
  return function allowedMethod(req, res, next) {
    if (ALLOWED_METHODS.includes(req.method)) return next();
    res.status(405);
    res.set({ Allow: ALLOWED_METHODS.join(", "), "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(METHOD_NOT_ALLOWED_PAGE);
  };
}
