/** "1 artikel", "4 artikelen": units, not lines (4 signs on one line are 4 artikelen). */
export function itemCountLabel(count: number): string {
  return `${count} ${count === 1 ? "artikel" : "artikelen"}`;
}
