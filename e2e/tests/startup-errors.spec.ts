import { expect, test } from "@playwright/test"
import { spawn } from "node:child_process"
import path from "node:path"

// Bad configuration stops the storefront with one line that says what to fix.
const STOREFRONT = path.resolve(__dirname, "../../storefront")
const SERVER = path.join(STOREFRONT, "server.mjs")

function startStorefront(env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const clean = { ...process.env }
    delete clean.MEDUSA_PUBLISHABLE_KEY
    delete clean.MEDUSA_PUBLISHABLE_KEY_FILE
    const child = spawn(process.execPath, [SERVER], {
      cwd: STOREFRONT,
      env: { ...clean, PORT: "0", STOREFRONT_WORKERS: "2", ...env },
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (c) => (stdout += c))
    child.stderr.on("data", (c) => (stderr += c))
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000)
    child.on("exit", (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

test("the storefront without a publishable key exits with one clear line", async () => {
  const { code, stderr } = await startStorefront({})
  expect(code).toBe(1)
  const lines = stderr.split("\n").filter((l) => l.trim())
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(/MEDUSA_PUBLISHABLE_KEY is not set: start everything with `npm start`/)
})

test("a publishable key file that does not exist is named in the error", async () => {
  const { code, stderr } = await startStorefront({ MEDUSA_PUBLISHABLE_KEY_FILE: "/nonexistent/publishable-key" })
  expect(code).toBe(1)
  const lines = stderr.split("\n").filter((l) => l.trim())
  expect(lines).toHaveLength(1)
  expect(lines[0]).toContain('cannot read MEDUSA_PUBLISHABLE_KEY_FILE "/nonexistent/publishable-key" (ENOENT)')
})
