import { api } from "./sdk"

/**
 * An admin API answer that was not 2xx: the API's Dutch message and, for forms, its
 * message per field. Thrown by `getAdmin`/`postAdmin` so every widget shows the same.
 */
export class AdminApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: Record<string, string> = {}
  ) {
    super(message)
  }
}

/**
 * One request with the dashboard's session cookie. Not through the JS SDK: its errors
 * keep only the message, and our forms show the API's Dutch message per field.
 */
async function requestAdmin<T>(path: string, init: RequestInit): Promise<T> {
  const response = await fetch(api(path), {
    ...init,
    credentials: "include",
    headers: { accept: "application/json", ...(init.body ? { "content-type": "application/json" } : {}) },
  })
  const data = await response.json().catch(() => ({}))
  if (!response.ok) {
    throw new AdminApiError(data?.message || `Er ging iets mis (HTTP ${response.status})`, response.status, data?.errors ?? {})
  }
  return data as T
}

/** GET an admin route (`/admin/…`) as JSON. */
export const getAdmin = <T>(path: string) => requestAdmin<T>(path, { method: "GET" })

/** POST JSON to an admin route (`/admin/…`). */
export const postAdmin = <T>(path: string, body: unknown = {}) =>
  requestAdmin<T>(path, { method: "POST", body: JSON.stringify(body) })
