/**
 * Request body limit of the storefront's server (server.mjs), before Remix sees the body.
 *
 * Remix reads a form post completely into memory (request.formData()); without a limit one
 * 200 MB post grew a worker by half a gigabyte, and a few in parallel took the shop down.
 * The shop's forms (sign-in, registration, contact, notices) are a few kB, and it has no
 * uploads. So: a body declaring a Content-Length over the limit is refused before a byte
 * is read; any other body is counted while it streams in and refused as soon as it passes
 * the limit (chunked requests declare no length). Refused: 413 with a Dutch page, and the
 * connection is closed after discarding at most DISCARD_BYTES more (so the browser gets
 * the page rather than a reset, but nobody can keep a worker reading for long).
 *
 * Bodies within the limit are held (≤ limit) and replayed to Remix by `withBufferedBody`.
 */
import { Readable } from "node:stream";
import { plainPage } from "./plain-page.mjs";

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;
const DISCARD_BYTES = 1024 * 1024;

export const TOO_LARGE_PAGE = plainPage({
  title: "Formulier te groot",
  heading: "Dit formulier is te groot",
  text: "Wat je verstuurde is groter dan de winkel aanneemt. Maak je tekst korter en probeer het opnieuw.",
});

/** Express middleware: refuses bodies over `limitBytes` with 413, keeps smaller ones in `req.bufferedBody`. */
export function bodyLimit({ limitBytes = DEFAULT_BODY_LIMIT_BYTES } = {}) {
  return function limitBody(req, res, next) {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const declared = req.headers["content-length"];
    if (declared !== undefined && !(Number(declared) <= limitBytes)) return refuse(req, res);

    const chunks = [];
    let size = 0;
    let settled = false;
    const finish = (error) => {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      if (error) return next(error);
      req.bufferedBody = Buffer.concat(chunks, size);
      next();
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limitBytes) {
        settled = true;
        req.off("data", onData);
        req.off("end", onEnd);
        req.off("error", onError);
        chunks.length = 0;
        refuse(req, res);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onError = (error) => finish(error);
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  };
}

function refuse(req, res) {
  res.statusCode = 413;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Connection", "close");
  res.end(TOO_LARGE_PAGE);
  // Discard a little more so the client reads the page, then hang up.
  let discarded = 0;
  req.on("data", (chunk) => {
    discarded += chunk.length;
    if (discarded > DISCARD_BYTES) req.destroy();
  });
  req.on("error", () => {});
  req.resume();
}

/**
 * The request as Remix's Express adapter reads it, with the body replayed from memory:
 * the adapter streams the body from the request object itself, which was consumed above.
 */
export function withBufferedBody(req) {
  if (req.bufferedBody === undefined) return req;
  const replay = Readable.from(req.bufferedBody.length ? [req.bufferedBody] : []);
  return Object.assign(replay, {
    method: req.method,
    headers: req.headers,
    url: req.url,
    originalUrl: req.originalUrl,
    protocol: req.protocol,
    hostname: req.hostname,
    ip: req.ip,
    get: req.get.bind(req),
    header: req.header.bind(req),
    socket: req.socket,
  });
}
