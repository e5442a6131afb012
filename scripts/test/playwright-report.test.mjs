import assert from "node:assert/strict"
import { test } from "node:test"
import { flakyTests } from "../lib/playwright-report.mjs"

test("flakyTests names the specs that passed only on the retry, in nested suites too", () => {
  const report = {
    suites: [
      {
        specs: [
          { file: "shop.spec.ts", line: 25, title: "browse and buy", tests: [{ status: "expected" }] },
          { file: "shop.spec.ts", line: 73, title: "add without JavaScript", tests: [{ status: "flaky" }] },
        ],
        suites: [{ specs: [{ file: "groups.spec.ts", line: 9, title: "a nested one", tests: [{ status: "unexpected" }, { status: "flaky" }] }] }],
      },
    ],
  }
  assert.deepEqual(flakyTests(report), ["shop.spec.ts:73 › add without JavaScript", "groups.spec.ts:9 › a nested one"])
})

test("flakyTests of a missing or empty report is empty", () => {
  assert.deepEqual(flakyTests(undefined), [])
  assert.deepEqual(flakyTests({ suites: [] }), [])
})
