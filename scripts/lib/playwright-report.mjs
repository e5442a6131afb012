/**
 * The tests Playwright's JSON report marks flaky (failed, then passed on the retry), as "file:line › title".
 * @param {any} report
 * @returns {string[]}
 */
export function flakyTests(report) {
  /** @type {string[]} */
  const names = []
  /** @param {any[]} suites */
  const walk = (suites) => {
    for (const suite of suites ?? []) {
      for (const spec of suite.specs ?? []) {
        if ((spec.tests ?? []).some((/** @type {any} */ t) => t.status === "flaky")) names.push(`${spec.file}:${spec.line} › ${spec.title}`)
      }
      walk(suite.suites)
    }
  }
  walk(report?.suites)
  return names
}
