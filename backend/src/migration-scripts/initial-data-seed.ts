import type { MedusaContainer } from "@medusajs/framework/types"
import { seedShop } from "../seed/seed-shop"

/**
 * Runs once per database as part of `medusa db:migrate` (Medusa records which
 * migration scripts ran). The seed itself is idempotent too, so `npm run seed`
 * in the backend can repair a store at any time.
 */
export default async function initialDataSeed({ container }: { container: MedusaContainer }) {
  await seedShop(container)
}
