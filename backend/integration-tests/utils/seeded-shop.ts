/**
 * The setup shared by the order and stock specs: before each test the shop is seeded
 * (idempotent: what a test changed stays unless the runner reset the database), the mail
 * folder emptied, and fresh store headers and a staff login made; after all the mail
 * folder is removed. Call it inside medusaIntegrationTestRunner's testSuite.
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

  beforeEach(async () => {
    if (mailDir) fs.rmSync(mailDir, { recursive: true, force: true })
    await seedShop(getContainer(), { storefrontUrl: "http://shop.test" })
    store.headers = (await storeHeaders(getContainer())).headers
    admin.headers = (await adminHeaders(api, getContainer(), staffEmail?.())).headers
  })
  if (mailDir) afterAll(() => fs.rmSync(mailDir, { recursive: true, force: true }))

  return { store, admin }
}
