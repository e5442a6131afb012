import { describe, expect, it } from "vitest";
import { stockState } from "./stock";

describe("stockState", () => {
  it("says Op voorraad above the threshold", () => {
    expect(stockState(180).label).toBe("Op voorraad");
    expect(stockState(11).kind).toBe("in_stock");
  });
  it("counts down from the threshold", () => {
    expect(stockState(10)).toEqual({ kind: "low", label: "Nog 10 op voorraad", left: 10 });
    expect(stockState(1).label).toBe("Nog 1 op voorraad");
  });
  it("is sold out at zero or below", () => {
    expect(stockState(0).label).toBe("Uitverkocht");
    expect(stockState(-2).kind).toBe("sold_out");
  });
  it("treats untracked stock as available", () => {
    expect(stockState(null).kind).toBe("in_stock");
    expect(stockState(undefined).kind).toBe("in_stock");
  });
});
