import type { ExecArgs } from "@medusajs/framework/types"
import { seedShop } from "../seed/seed-shop"

/** `npx medusa exec ./src/scripts/seed.ts`: re-runs the idempotent seed. */
export default async function seed({ container }: ExecArgs) {
  await seedShop(container)
}
