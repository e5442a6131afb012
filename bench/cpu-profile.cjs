/**
 * `node --cpu-prof` for a process started through NODE_OPTIONS, which does not allow
 * that flag: `NODE_OPTIONS="--require bench/cpu-profile.cjs"` with CPU_PROF_DIR set
 * profiles `medusa start` (only) through the inspector and writes
 * CPU.<pid>.cpuprofile there on SIGTERM or exit. Open it in Chrome DevTools or speedscope.
 */
const fs = require("node:fs")
const path = require("node:path")
const inspector = require("node:inspector")

const dir = process.env.CPU_PROF_DIR
if (dir && process.argv.includes("start")) {
  const session = new inspector.Session()
  session.connect()
  session.post("Profiler.enable")
  session.post("Profiler.setSamplingInterval", { interval: 1000 })
  session.post("Profiler.start")
  let written = false
  // The main thread's session answers synchronously, so this works in an exit handler.
  const write = () => {
    if (written) return
    written = true
    session.post("Profiler.stop", (error, result) => {
      if (!error) fs.writeFileSync(path.join(dir, `CPU.${process.pid}.cpuprofile`), JSON.stringify(result.profile))
    })
  }
  // On SIGTERM at once: a loaded machine may not let Medusa's graceful shutdown end before the caller's SIGKILL.
  process.once("SIGTERM", write)
  process.on("exit", write)
}
