import { defineConfig } from "@playwright/test"

/**
 * Run through `npm test` at the repository root: it builds and starts a backend
 * and storefront on a throwaway database and passes their URLs in.
 */
const storefrontUrl = process.env.STOREFRONT_URL ?? "http://localhost:3000"

export default defineConfig({
  testDir: "./tests",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry: on a loaded 2-core CI machine a browser step occasionally misses its timeout, and
  // a red run stops the whole landing. A test that passes only on the retry is reported by name
  // as flaky in `npm test`'s summary (scripts/test.mjs), so it is seen, not hidden.
  retries: 1,
  reporter: [["list"], ["json"]],
  outputDir: "./test-results",
  use: {
    baseURL: storefrontUrl,
    locale: "nl-NL",
    // A trace only for a test's retry: recording one for every test (DOM snapshots and screenshots
    // at each step) costs CPU on the 2-core CI machine, and a failure that is not flaky fails its
    // retry too, so its trace is still kept.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    },
  },
})
