/**
 * Fingerprints of what a start already did to a database: `npm start`'s start state
 * (scripts/lib/start-state.mjs) and the image's setup state (./setup-state.mjs) use the same two.
 */
import crypto from "node:crypto"
import fs from "node:fs"
import path from "node:path"

/**
 * sha256 over the relative paths and contents of the files under `entries` of `root` (sorted;
 * missing ones count as empty), skipping folders named in `skip`.
 * @param {string} root @param {string[]} entries @param {string[]} [skip]
 */
export function hashTree(root, entries, skip = ["__tests__", "node_modules"]) {
  const hash = crypto.createHash("sha256")
  /** @param {string} relative */
  const walk = (relative) => {
    const full = path.join(root, relative)
    const stat = fs.statSync(full, { throwIfNoEntry: false })
    if (!stat) return
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) {
        if (skip.includes(name)) continue
        walk(path.join(relative, name))
      }
      return
    }
    hash.update(`${relative}\0`)
    hash.update(fs.readFileSync(full))
    hash.update("\0")
  }
  for (const entry of entries) walk(entry)
  return hash.digest("hex")
}

/** "name@version" of every installed @medusajs package under `modulesDir` (a node_modules): an upgrade may bring migrations. */
export function medusaVersions(modulesDir) {
  const scope = path.join(modulesDir, "@medusajs")
  if (!fs.existsSync(scope)) return []
  return fs
    .readdirSync(scope)
    .sort()
    .map((name) => {
      const manifest = path.join(scope, name, "package.json")
      const version = fs.existsSync(manifest) ? JSON.parse(fs.readFileSync(manifest, "utf8")).version : "?"
      return `${name}@${version}`
    })
}
