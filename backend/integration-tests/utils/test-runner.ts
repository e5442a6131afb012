import crypto from "node:crypto"
import { medusaIntegrationTestRunner as medusaRunner } from "@medusajs/test-utils"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { copyMigratedTemplate } = require("../migrated-template")

type RunnerOptions = Parameters<typeof medusaRunner>[0]

/**
 * Medusa's integration test runner, with the spec's database created as a copy of the run's
 * migrated template (../migrated-template.js) just before the runner would create and migrate an
 * empty one: the runner's own create then finds it, and its migrations find nothing left to do.
 * Everything else (the per-test restore, the app, `api`, `getContainer`) is Medusa's.
 */
export function medusaIntegrationTestRunner(options: RunnerOptions) {
  const dbName = options.dbName ?? `bp-int-${process.env.JEST_WORKER_ID ?? "1"}-${crypto.randomBytes(4).toString("hex")}`
  return medusaRunner({
    ...options,
    dbName,
    hooks: {
      ...options.hooks,
      beforeServerStart: async (container) => {
        await copyMigratedTemplate(dbName)
        await options.hooks?.beforeServerStart?.(container)
      },
    },
  })
}
