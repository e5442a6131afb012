/**
 * The setup shared by the order and stock specs: the shop seeded once (the runner restores
 * that snapshot before each test); before each test the mail folder emptied and fresh store
 * headers and a staff login made; after all the mail folder removed. Call it inside medusaIntegrationTestRunner's testSuite.
 */
import fs from "node:fs"
import type { MedusaContainer } from "@medusajs/framework/types"
import { seedShop } from "../../src/seed/seed-shop"
import { adminHeaders } from "./admin"
import { storeHeaders, type StoreHeaders } from "./checkout"

export function useSeededShop({
  api,
  getContainer,
  mailDir,
  staffEmail,
}: {
  api: any
  getContainer: () => MedusaContainer
  mailDir?: string
  /** a staff login per test when the same address may not be registered twice */
  staffEmail?: () => string
}) {
  /** Filled before each test; passed as axios config (`{ headers }`). */
  const store: StoreHeaders = { headers: {} }
  const admin: StoreHeaders = { headers: {} }

  // Seeded once: the runner snapshots the database after beforeAll and restores it before each test.
  beforeAll(() => seedShop(getContainer(), { storefrontUrl: "http://shop.test" }))
  beforeEach(async () => {
    if (mailDir) fs.rmSync(mailDir, { recursive: true, force: true })
    store.headers = (await storeHeaders(getContainer())).headers
    admin.headers = (await adminHeaders(api, getContainer(), staffEmail?.())).headers
  })
  if (mailDir) afterAll(() => fs.rmSync(mailDir, { recursive: true, force: true }))

  return { store, admin }
}
