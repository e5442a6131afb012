import { describe, expect, it } from "vitest";
import { formatTiers, tierFor, tierQuantityLabel, tierSaving, toPriceTiers } from "./tier-prices";

const API = [
  { min_quantity: 10, max_quantity: null, amount: 17.55 },
  { min_quantity: 1, max_quantity: 4, amount: 19.95 },
  { min_quantity: 5, max_quantity: 9, amount: 18.55 },
];

describe("toPriceTiers", () => {
  it("sorts the tiers by quantity", () => {
    expect(toPriceTiers(API)).toEqual([
      { min: 1, max: 4, amount: 19.95 },
      { min: 5, max: 9, amount: 18.55 },
      { min: 10, max: null, amount: 17.55 },
    ]);
  });

  it("shows nothing for a single price, no tiers or a missing answer", () => {
    expect(toPriceTiers([{ min_quantity: 1, max_quantity: null, amount: 64.95 }])).toEqual([]);
    expect(toPriceTiers([])).toEqual([]);
    expect(toPriceTiers(undefined)).toEqual([]);
  });

  it("merges neighbours with the same price and drops malformed tiers", () => {
    expect(
      toPriceTiers([
        { min_quantity: 1, max_quantity: 4, amount: 2.95 },
        { min_quantity: 5, max_quantity: 9, amount: 2.95 },
        { min_quantity: 0, max_quantity: 0, amount: 1 },
        { min_quantity: 20, max_quantity: null, amount: Number.NaN },
        { min_quantity: 10, max_quantity: null, amount: 2.75 },
      ]),
    ).toEqual([
      { min: 1, max: 9, amount: 2.95 },
      { min: 10, max: null, amount: 2.75 },
    ]);
  });
});

describe("labels", () => {
  it("says stuk or stuks, a range or vanaf", () => {
    expect(tierQuantityLabel({ min: 1, max: 1 })).toBe("1 stuk");
    expect(tierQuantityLabel({ min: 1, max: 4 })).toBe("1–4 stuks");
    expect(tierQuantityLabel({ min: 5, max: 5 })).toBe("5 stuks");
    expect(tierQuantityLabel({ min: 10, max: null })).toBe("vanaf 10 stuks");
  });

  it("formats the tiers in one Dutch line with prices incl. btw", () => {
    expect(formatTiers(toPriceTiers(API)).replace(/\u00a0/g, " ")).toBe(
      "1–4 stuks € 19,95 · 5–9 stuks € 18,55 per stuk · vanaf 10 stuks € 17,55 per stuk",
    );
  });
});

describe("tierFor and tierSaving", () => {
  const tiers = toPriceTiers(API);
  it("finds the tier for a quantity, at both edges", () => {
    expect(tierFor(tiers, 1)?.amount).toBe(19.95);
    expect(tierFor(tiers, 4)?.amount).toBe(19.95);
    expect(tierFor(tiers, 5)?.amount).toBe(18.55);
    expect(tierFor(tiers, 9)?.amount).toBe(18.55);
    expect(tierFor(tiers, 10)?.amount).toBe(17.55);
    expect(tierFor(tiers, 500)?.amount).toBe(17.55);
    expect(tierFor(tiers, 0)).toBeUndefined();
  });

  it("gives the saving in whole percent against the single-unit price", () => {
    expect(tiers.map((t) => tierSaving(tiers, t))).toEqual([0, 7, 12]);
  });
});
