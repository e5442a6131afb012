import { expect, test } from "@playwright/test"

// `npm test` with REDIS_URL starts the backend as a server plus a separate worker
// sharing Redis (the docker-compose shape); without Redis there is no worker.
const WORKER_URL = process.env.WORKER_URL

test("the worker process is up beside the server when Redis is configured", async ({ request }) => {
  test.skip(!WORKER_URL, "no REDIS_URL: the backend runs as one process")
  const health = await request.get(`${WORKER_URL}/health`)
  expect(health.ok()).toBeTruthy()
  // A worker serves no store API traffic of its own concern; the server still answers the shop.
  const response = await request.get(`${process.env.BACKEND_URL}/store/products?limit=1&fields=title`, {
    headers: { "x-publishable-api-key": process.env.PUBLISHABLE_KEY ?? "" },
  })
  expect(response.ok()).toBeTruthy()
})

test("a cart created on the server survives the shared workflow engine", async ({ request }) => {
  const headers = { "x-publishable-api-key": process.env.PUBLISHABLE_KEY ?? "" }
  const backend = process.env.BACKEND_URL
  const { regions } = await (await request.get(`${backend}/store/regions`, { headers })).json()
  const nl = regions.find((r: { name: string }) => r.name === "Nederland")
  const created = await request.post(`${backend}/store/carts`, { headers, data: { region_id: nl.id } })
  expect(created.ok()).toBeTruthy()
  const { cart } = await created.json()
  const fetched = await request.get(`${backend}/store/carts/${cart.id}`, { headers })
  expect((await fetched.json()).cart.region_id).toBe(nl.id)
})
