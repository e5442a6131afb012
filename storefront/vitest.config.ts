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
    // Load the SDK with Node itself instead of transforming it (avoids sourcemap noise).
    server: { deps: { external: [/@medusajs\/js-sdk/] } },
  },
});
