import Medusa from "@medusajs/js-sdk"

// Set by Medusa's admin bundler from `admin.backendUrl` in medusa-config.ts ("/" when the
// backend serves the admin) and from the admin's path. (Medusa's docs use
// import.meta.env.VITE_BACKEND_URL; these globals are the same values and also
// type-check under the backend's CommonJS tsconfig.)
declare const __BACKEND_URL__: string | undefined
declare const __BASE__: string | undefined

const backendBase = () => (typeof __BACKEND_URL__ === "string" && __BACKEND_URL__ ? __BACKEND_URL__ : "/")

/** The JS SDK for admin extensions: session auth, as the dashboard itself uses. */
export const sdk = new Medusa({ baseUrl: backendBase(), auth: { type: "session" } })

/** An absolute path on the backend (`/admin/…`) for fetch, links and downloads. */
export const api = (path: string) => `${backendBase().replace(/\/+$/, "")}${path}`

/** A path inside the admin (`/orders/…` → `/app/orders/…`). */
export const adminPath = (path: string) => `${(typeof __BASE__ === "string" ? __BASE__ : "/app").replace(/\/+$/, "")}${path}`
