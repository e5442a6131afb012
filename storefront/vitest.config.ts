import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests run without the Remix plugin (it is not meant to run under vitest).
export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "*.test.mjs"],
    environment: "node",
    // The one backend client (app/lib/backend/backend.server.ts) reads these when it loads; tests stub fetch.
    env: { MEDUSA_BACKEND_URL: "http://backend.test", MEDUSA_PUBLISHABLE_KEY: "pk_test" },
    // Load the SDK with Node itself instead of transforming it (avoids sourcemap noise).
    server: { deps: { external: [/@medusajs\/js-sdk/] } },
  },
});
