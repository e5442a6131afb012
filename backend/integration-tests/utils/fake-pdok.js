/**
 * A PDOK Locatieserver-compatible fake on loopback: the `free` endpoint, answering a few
 * fixture addresses in Locatieserver's own response shape (Solr's `response.docs[]`
 * with `straatnaam`, `huisnummer`, `huisletter`, `huisnummertoevoeging`, `postcode`,
 * `woonplaatsnaam`, `gemeentenaam`, `centroide_ll` "POINT(lng lat)"), filtered by the
 * `fq=postcode:…` and `fq=huisnummer:…` the backend sends.
 *
 * Two postcodes play a broken service, so a test (or a Playwright spec sharing one e2e
 * stack) picks the failure by what it types rather than by switching global state:
 *   9999 ZZ answers HTTP 503 (service down), 9998 ZZ answers only after `slowMs` (timeout).
 *
 * Plain CommonJS JavaScript on purpose: the backend's Jest tests require it and the e2e
 * runner (scripts/test.mjs, plain Node) imports it, without a TypeScript step. Types are
 * in fake-pdok.d.ts.
 */
const http = require("node:http")

const DOWN_POSTCODE = "9999ZZ"
const SLOW_POSTCODE = "9998ZZ"

/** BAG-like fixtures (fictional house numbers on real streets; points are the streets' centres). */
const FIXTURES = [
  { straatnaam: "Piusstraat", huisnummer: 12, postcode: "5038AB", woonplaatsnaam: "Tilburg", gemeentenaam: "Tilburg", centroide_ll: "POINT(5.07412 51.56123)" },
  { straatnaam: "Piusstraat", huisnummer: 12, huisletter: "A", postcode: "5038AB", woonplaatsnaam: "Tilburg", gemeentenaam: "Tilburg", centroide_ll: "POINT(5.07418 51.56129)" },
  { straatnaam: "Piusstraat", huisnummer: 14, huisnummertoevoeging: "2", postcode: "5038AB", woonplaatsnaam: "Tilburg", gemeentenaam: "Tilburg", centroide_ll: "POINT(5.07431 51.56137)" },
  { straatnaam: "Biltstraat", huisnummer: 5, postcode: "3581KP", woonplaatsnaam: "Utrecht", gemeentenaam: "Utrecht", centroide_ll: "POINT(5.13211 52.09411)" },
  { straatnaam: "Damrak", huisnummer: 1, postcode: "1012LG", woonplaatsnaam: "Amsterdam", gemeentenaam: "Amsterdam", centroide_ll: "POINT(4.89512 52.37561)" },
  { straatnaam: "Zonnebloemweg", huisnummer: 3, postcode: "3582AA", woonplaatsnaam: "Utrecht", gemeentenaam: "Utrecht", centroide_ll: "POINT(5.14102 52.09802)" },
]

function toDoc(fixture) {
  const letter = fixture.huisletter ?? ""
  const suffix = fixture.huisnummertoevoeging ?? ""
  const huisNlt = `${fixture.huisnummer}${letter}${suffix ? `-${suffix}` : ""}`
  return {
    type: "adres",
    bron: "BAG",
    id: `adr-fake-${fixture.postcode}-${huisNlt}`,
    weergavenaam: `${fixture.straatnaam} ${huisNlt}, ${fixture.postcode} ${fixture.woonplaatsnaam}`,
    huis_nlt: huisNlt,
    ...fixture,
    provincienaam: "Fakeland",
    centroide_rd: "POINT(0 0)",
    score: 10,
  }
}

/** Only the fields asked for with `fl=` (Locatieserver returns only those). */
function project(doc, fl) {
  if (!fl) return doc
  const fields = fl.split(",").map((f) => f.trim()).filter(Boolean)
  return Object.fromEntries(fields.filter((f) => f in doc).map((f) => [f, doc[f]]))
}

/**
 * Starts the fake on 127.0.0.1 (random port unless given).
 * @param {{ port?: number, slowMs?: number }} [options]
 */
function startFakePdok(options = {}) {
  const slowMs = options.slowMs ?? 10_000
  const requests = []
  const pending = new Set()
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1")
    if (req.method !== "GET" || !url.pathname.endsWith("/free")) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ message: "not found" }))
      return
    }
    const filters = Object.fromEntries(
      url.searchParams.getAll("fq").map((fq) => {
        const at = fq.indexOf(":")
        return [fq.slice(0, at), fq.slice(at + 1)]
      })
    )
    requests.push({ path: url.pathname, query: url.search, filters })
    if (requests.length > 1000) requests.shift()
    const postcode = (filters.postcode ?? "").toUpperCase()
    if (postcode === DOWN_POSTCODE) {
      res.writeHead(503, { "content-type": "text/html" }).end("<h1>503 Service Unavailable</h1>")
      return
    }
    const answer = () => {
      const docs = FIXTURES.filter(
        (f) =>
          (!filters.type || filters.type === "adres") &&
          (!filters.postcode || f.postcode === postcode) &&
          (!filters.huisnummer || String(f.huisnummer) === filters.huisnummer)
      )
        .map(toDoc)
        .map((doc) => project(doc, url.searchParams.get("fl")))
      const rows = Number(url.searchParams.get("rows") ?? 10)
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({ response: { numFound: docs.length, start: 0, maxScore: docs.length ? 10 : 0, numFoundExact: true, docs: docs.slice(0, rows) } })
      )
    }
    if (postcode === SLOW_POSTCODE) {
      const timer = setTimeout(() => {
        pending.delete(timer)
        if (!res.destroyed) answer()
      }, slowMs)
      pending.add(timer)
      return
    }
    answer()
  })
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const { port } = server.address()
      resolve({
        url: `http://127.0.0.1:${port}/bzk/locatieserver/search/v3_1/free`,
        port,
        requests,
        reset() {
          requests.length = 0
        },
        close() {
          for (const timer of pending) clearTimeout(timer)
          pending.clear()
          server.closeAllConnections?.()
          return new Promise((done) => server.close(() => done()))
        },
      })
    })
  })
}

module.exports = { startFakePdok, FIXTURES, DOWN_POSTCODE, SLOW_POSTCODE }
