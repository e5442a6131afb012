// The e2e and bench stacks lift every per-visitor budget of the backend and the storefront (all their visitors are
// 127.0.0.1, most with one e-mail address), from one list: ONE_ADDRESS_LIMITS in scripts/lib/stack.mjs.
// A limit the list misses shows up as 429s in an e2e run (the sixth group registration, #28) or in
// the bench's oversell check (#25: its "otherwise" answers were all 429).
//
//   node --test scripts/test/stack-limits.test.mjs
import { describe, test } from "node:test"
import assert from "node:assert/strict"
import { readFileSync } from "node:fs"
import path from "node:path"
import { classifyCompletions } from "../../bench/lib.mjs"
import { ONE_ADDRESS_LIMITS, ROOT } from "../lib/stack.mjs"

// The backend's budgets and the storefront's own (its cart route), each read in its one config file.
const configSources = ["backend/src/config/env.ts", "storefront/app/lib/config.server.ts"].map((file) =>
  readFileSync(path.join(ROOT, file), "utf8"),
)

describe("ONE_ADDRESS_LIMITS", () => {
  test("lifts every per-visitor limit the backend and the storefront read, far above what a run needs", () => {
    const limits = new Set(configSources.flatMap((source) => [...source.matchAll(/\benv\.([A-Z_]+_LIMIT_PER_[A-Z_]+)\b/g)].map((m) => m[1])))
    assert.ok(limits.size >= 6, `found only ${[...limits].join(", ")} in the config files: the scan is broken`)
    const missing = [...limits].filter((name) => !(name in ONE_ADDRESS_LIMITS))
    assert.deepEqual(missing, [], `ONE_ADDRESS_LIMITS does not lift ${missing.join(", ")}`)
    for (const [name, value] of Object.entries(ONE_ADDRESS_LIMITS)) {
      assert.ok(limits.has(name), `${name} is not a limit the backend or the storefront reads`)
      assert.ok(Number(value) >= 10_000, `${name}=${value} is not lifted`)
    }
  })

  test("the e2e stack and both bench entry points take it", () => {
    for (const file of ["scripts/test.mjs", "bench/lib.mjs", "bench/line-items.mjs"]) {
      const source = readFileSync(path.join(ROOT, file), "utf8")
      assert.match(source, /\.\.\.ONE_ADDRESS_LIMITS\b/, `${file} does not spread ONE_ADDRESS_LIMITS into its stack's environment`)
      assert.doesNotMatch(source, /\b[A-Z_]+_LIMIT_PER_[A-Z_]+:\s*"/, `${file} sets a limit of its own beside ONE_ADDRESS_LIMITS`)
    }
  })
})

describe("the bench's completions", () => {
  test("count a 429 apart from orders, stock refusals and other errors", () => {
    const answers = [
      { status: 200, body: { type: "order" } },
      { status: 200, body: { type: "order" } },
      { status: 400, body: { code: "insufficient_inventory" } },
      { status: 429, body: { message: "Te veel bestellingen vanaf dit adres" } },
      { status: 429, body: {} },
      { status: 200, body: { type: "cart" } }, // a failed authorisation answers 200 with the cart
      { status: 500, body: {} },
      { status: 400, body: { code: "cart_completed" } },
    ]
    assert.deepEqual(classifyCompletions(answers), { orders: 2, refused: 1, limited: 2, other: 3 })
    assert.deepEqual(classifyCompletions([]), { orders: 0, refused: 0, limited: 0, other: 0 })
  })
})
