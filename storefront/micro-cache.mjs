/**
 * Micro-cache for server-rendered GET responses (express middleware).
 *
 * Rendering a page costs ~4 ms of CPU; under load, identical requests within a
 * second or two are served from memory instead. The key includes the Cookie
 * header, so a visitor with a cart (whose count is in their cookie) never gets
 * another visitor's page; responses that set a cookie (a one-time notice), are
 * not 200 or say no-store/private are never stored.
 */
export function microCache({ ttlMs = 2000, maxEntries = 500, now = Date.now } = {}) {
  const entries = new Map();

  return function microCacheMiddleware(req, res, next) {
    if ((req.method !== "GET" && req.method !== "HEAD") || ttlMs <= 0) return next();
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
