import { describe, expect, it } from "vitest";
import { freshAdds, newAddKey, stockShortage, submittedQuantity } from "./optimistic-cart";

describe("optimistic add to cart", () => {
  it("counts only plain digits from 1 to 999 (the server says what is wrong with the rest)", () => {
    expect(submittedQuantity("3")).toBe(3);
    expect(submittedQuantity("007")).toBe(7);
    for (const raw of ["0", "-1", "2.5", "1000", "", "drie", null, 3, "0x10", "1e2", "0b11", "0o7", "+5", "5.0", "5 ", " 5"]) {
      expect(submittedQuantity(raw)).toBe(0);
    }
  });

  it("refuses at once what the page's stock cannot cover, the cart included", () => {
    expect(stockShortage(8, 0, 8)).toBeNull();
    expect(stockShortage(8, 0, 9)).toBe("Er zijn er nog maar 8 op voorraad.");
    expect(stockShortage(8, 1, 8)).toBe("Er zijn er nog maar 8 op voorraad. Je hebt er al 1 in je winkelmand.");
    expect(stockShortage(0, 0, 1)).toBe("Dit product is uitverkocht.");
  });

  it("leaves stock that is not tracked to the server", () => {
    expect(stockShortage(null, 500, 500)).toBeNull();
  });

  it("makes a new 128-bit key for every add", () => {
    const keys = new Set(Array.from({ length: 100 }, () => newAddKey()));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });

  it("sends again only well-formed adds younger than an hour", () => {
    const now = 10_000_000;
    const add = { key: "k".repeat(32), variantId: "variant_1", quantity: "2", title: "Bord", at: now - 1000 };
    expect(freshAdds([add, { ...add, at: now - 60 * 60 * 1000 }, { nonsense: true }, null], now)).toEqual([add]);
    expect(freshAdds("not a list", now)).toEqual([]);
  });
});
