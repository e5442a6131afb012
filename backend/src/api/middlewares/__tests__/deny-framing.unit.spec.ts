import http from "node:http"
import type { AddressInfo } from "node:net"
import express from "express"
import { FRAME_HEADERS } from "../request-hygiene"

/**
 * Medusa mounts the admin (`/app`, a router with express.static) on the app before or beside
 * the API's middlewares. The framing headers are set as each response's head is written, so
 * they reach the admin's HTML and files whatever was mounted first (request-hygiene.ts).
 */
describe("denyFramingOnEveryResponse", () => {
  let server: http.Server
  let base: string
  beforeAll(async () => {
    const app = express()
    // mounted first, as Medusa's admin loader may be: nothing of the shop's runs before it
    const admin = express.Router()
    admin.get("/", (_req, res) => void res.send("<!doctype html><title>Medusa admin</title>"))
    admin.get("/login", (_req, res) => void res.send("<!doctype html><title>Login</title>"))
    app.use("/app", admin)
    app.get("/own", (_req, res) => void res.setHeader("X-Frame-Options", "SAMEORIGIN").json({ ok: true }))
    app.get("/plain", (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" })
      res.end("plain")
    })
    server = app.listen(0)
    await new Promise((resolve) => server.once("listening", resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  it.each(["/app", "/app/", "/app/login", "/plain"])("%s cannot be framed", async (path) => {
    const response = await fetch(`${base}${path}`)
    expect([response.headers.get("x-frame-options"), response.headers.get("content-security-policy")]).toEqual([
      FRAME_HEADERS["X-Frame-Options"],
      FRAME_HEADERS["Content-Security-Policy"],
    ])
  })

  it("adds frame-ancestors to a policy of the route's own (Express's 404 page)", async () => {
    const response = await fetch(`${base}/bestaat-niet`)
    expect(response.headers.get("x-frame-options")).toBe("DENY")
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'")
  })

  it("keeps a header a route set itself", async () => {
    const response = await fetch(`${base}/own`)
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN")
    expect(response.headers.get("content-security-policy")).toBe("frame-ancestors 'none'")
  })
})
