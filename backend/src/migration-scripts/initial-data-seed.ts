import type { MedusaContainer } from "@medusajs/framework/types"
import seed from "../scripts/seed"

/**
 * Runs once per database as part of `medusa db:migrate` (Medusa records which
 * migration scripts ran), so a new database is seeded right away. The seed itself
 * is idempotent; `npm start` runs it again on every start to repair what is missing.
 */
export default async function initialDataSeed({ container }: { container: MedusaContainer }) {
  await seed({ container, args: [] } as never)
}
