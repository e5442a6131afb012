import type { ExecArgs } from "@medusajs/framework/types"
import { seedGroups } from "../seed/seed-groups"
import { seedShop } from "../seed/seed-shop"
import { readSeedSettings } from "../config/env"

/**
 * `npx medusa exec ./src/scripts/seed.ts`: the idempotent seed, run by `npm start`
 * on every start. Demo groups (clearly fictional) fill the directory's map and
 * search unless SEED_DEMO_GROUPS=false (production).
 */
export default async function seed({ container }: ExecArgs) {
  await seedShop(container)
  if (readSeedSettings().seedDemoGroups) await seedGroups(container)
}
