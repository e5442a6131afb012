import http from "node:http"
import type { AddressInfo } from "node:net"
import { AdminApiError, getAdmin, postAdmin } from "../admin-api"

/**
 * The widgets' one way to call our admin routes, against a real HTTP server: a 2xx
 * answer is the parsed body, anything else one AdminApiError with the API's Dutch
 * message and its per-field errors.
 */
describe("admin-api", () => {
  let server: http.Server
  const seen: { method?: string; type?: string; body: string; credentials?: string }[] = []

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = ""
      req.on("data", (c) => (body += c))
      req.on("end", () => {
        seen.push({ method: req.method, type: req.headers["content-type"], body })
        res.setHeader("content-type", "application/json")
        if (req.url === "/admin/ok") return res.end(JSON.stringify({ item: { threshold: 4 } }))
        if (req.url === "/admin/invalid") {
          res.statusCode = 400
          return res.end(JSON.stringify({ message: "Controleer de velden.", errors: { title: "Vul een titel in." } }))
        }
        res.statusCode = 502
        res.end("<html>bad gateway</html>")
      })
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    ;(globalThis as any).__BACKEND_URL__ = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  it("posts JSON and returns the parsed answer", async () => {
    await expect(postAdmin("/admin/ok", { threshold: 4 })).resolves.toEqual({ item: { threshold: 4 } })
    expect(seen.at(-1)).toMatchObject({ method: "POST", type: "application/json", body: '{"threshold":4}' })
  })

  it("GETs without a body", async () => {
    await expect(getAdmin("/admin/ok")).resolves.toEqual({ item: { threshold: 4 } })
    expect(seen.at(-1)).toMatchObject({ method: "GET", type: undefined, body: "" })
  })

  it("turns a refusal into one error with the Dutch message and the per-field errors", async () => {
    const error = (await postAdmin("/admin/invalid").catch((e) => e)) as AdminApiError
    expect(error).toBeInstanceOf(AdminApiError)
    expect(error.message).toBe("Controleer de velden.")
    expect(error.status).toBe(400)
    expect(error.errors).toEqual({ title: "Vul een titel in." })
  })

  it("says something Dutch when the answer is not JSON", async () => {
    const error = (await getAdmin("/admin/broken").catch((e) => e)) as AdminApiError
    expect(error.message).toBe("Er ging iets mis (HTTP 502)")
    expect(error.errors).toEqual({})
  })
})
