import Medusa from "@medusajs/js-sdk"

// Set by Medusa's admin bundler from `admin.backendUrl` in medusa-config.ts. (Medusa's
// docs use import.meta.env.VITE_BACKEND_URL; this global is the same value and also
// type-checks under the backend's CommonJS tsconfig.)
declare const __BACKEND_URL__: string | undefined

/** The JS SDK for admin extensions: session auth, as the dashboard itself uses. */
export const sdk = new Medusa({
  baseUrl: typeof __BACKEND_URL__ === "string" && __BACKEND_URL__ ? __BACKEND_URL__ : "/",
  auth: { type: "session" },
})
