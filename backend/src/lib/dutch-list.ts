/**
 * Dutch lists in running text: "3581", "3581 en 3582", "3581, 3582 en 3583"
 * (Intl.ListFormat, so the storefront's formatList reads the same).
 */
const conjunction = new Intl.ListFormat("nl-NL", { style: "long", type: "conjunction" })

/** ["a", "b", "c"] → "a, b en c"; one item as it is; none → "". */
export function dutchList(items: readonly string[]): string {
  return conjunction.format(items)
}

/** "postcode 3581" for one, "postcodes 3581 en 3582" for more. */
export function postcodesLabel(pc4s: readonly string[]): string {
  return `${pc4s.length === 1 ? "postcode" : "postcodes"} ${dutchList(pc4s)}`
}
