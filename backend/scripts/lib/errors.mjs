/**
 * Errors a person can fix (bad configuration, a port in use, a database that
 * is not there) are reported as one line saying what to do, not a stack trace.
 */
export class UserError extends Error {
  name = "UserError"
}

export function reportAndExit(error) {
  if (error instanceof UserError) {
    console.error(`\n✖ ${error.message}\n`)
  } else {
    console.error(error)
  }
  process.exit(1)
}
