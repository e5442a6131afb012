/**
 * Micro-cache for server-rendered GET responses (express middleware).
 *
 * Rendering a page costs ~4 ms of CPU; under load, identical requests within a
 * second or two are served from memory instead. Only visitors without a session
 * share pages: a request carrying `sessionCookie` is never served from (nor stored
 * in) the cache, because its page shows what the session holds on the server (the
 * cart's count), which changes while the cookie (only the session's id) stays the
 * same: a reload right after an add would get the page from before it (#27). The
 * key still includes the Cookie header (other cookies). Responses that set a cookie
 * (a one-time notice, a new session), are not 200 or say no-store/private are never stored.
 */
export function microCache({ ttlMs = 2000, maxEntries = 500, now = Date.now, sessionCookie = "" } = {}) {
  const entries = new Map();
  const sessionPattern = sessionCookie ? new RegExp(`(?:^|;\\s*)${sessionCookie}=`) : null;
  const hasSession = (cookie) => Boolean(sessionPattern?.test(cookie ?? ""));

  return function microCacheMiddleware(req, res, next) {
    if ((req.method !== "GET" && req.method !== "HEAD") || ttlMs <= 0 || hasSession(req.headers.cookie)) return next();
    const key = `${req.originalUrl}\n${req.headers.cookie ?? ""}`;
    const hit = entries.get(key);
    if (hit && now() - hit.storedAt < ttlMs) {
      res.status(hit.status);
      for (const [name, value] of hit.headers) res.setHeader(name, value);
      res.setHeader("X-Micro-Cache", "hit");
      return res.end(req.method === "HEAD" ? undefined : hit.body);
    }

    const chunks = [];
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    const collect = (chunk, encoding) => {
      if (chunk) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
    };
    res.write = (chunk, encoding, cb) => {
      collect(chunk, encoding);
      return write(chunk, encoding, cb);
    };
    res.end = (chunk, encoding, cb) => {
      if (typeof chunk !== "function") collect(chunk, encoding);
      if (storable(req, res)) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value);
        entries.set(key, {
          status: res.statusCode,
          headers: Object.entries(res.getHeaders()).filter(([name]) => !["content-length", "content-encoding", "transfer-encoding", "etag"].includes(name)),
          body: Buffer.concat(chunks),
          storedAt: now(),
        });
      }
      return end(chunk, encoding, cb);
    };
    next();
  };
}

function storable(req, res) {
  if (req.method !== "GET" || res.statusCode !== 200 || res.getHeader("set-cookie")) return false;
  const cacheControl = String(res.getHeader("cache-control") ?? "");
  return !/no-store/.test(cacheControl);
}
