import { execFileSync } from "node:child_process"
import fs from "node:fs"
import { UserError } from "../../backend/scripts/lib/errors.mjs"

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

/**
 * The e2e suite drives Debian's Chromium (Playwright's own browser download
 * cannot work offline). Installs it through apt when we are root.
 */
export function ensureChromium(log = console.log) {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM
  const isRoot = process.getuid?.() === 0
  const hasApt = fs.existsSync("/usr/bin/apt-get")
  if (!isRoot || !hasApt) {
    throw new UserError(
      `Chromium is missing at ${CHROMIUM}: install Debian's packages with \`sudo apt-get install chromium chromium-driver\` (or set CHROMIUM_PATH to a Chromium binary)`
    )
  }
  log("Installing Chromium through apt (chromium, chromium-driver)…")
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env })
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium", "chromium-driver"], { stdio: "inherit", env })
  if (!fs.existsSync(CHROMIUM)) throw new UserError(`apt installed chromium but ${CHROMIUM} is still missing`)
  return CHROMIUM
}
