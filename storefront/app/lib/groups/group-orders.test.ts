import { describe, expect, it } from "vitest";
import { safeCartReturnPath, safeGroupPagePath, signsOrderedLabel } from "./group-orders";

describe("signsOrderedLabel", () => {
  it("is hidden for none and Dutch singular/plural otherwise", () => {
    expect(signsOrderedLabel(0)).toBeNull();
    expect(signsOrderedLabel(null)).toBeNull();
    expect(signsOrderedLabel(undefined)).toBeNull();
    expect(signsOrderedLabel(-3)).toBeNull();
    expect(signsOrderedLabel(Number.NaN)).toBeNull();
    expect(signsOrderedLabel(1)).toBe("1 bord in deze buurt");
    expect(signsOrderedLabel(2)).toBe("2 borden in deze buurt");
    expect(signsOrderedLabel(12)).toBe("12 borden in deze buurt");
    expect(signsOrderedLabel(1234)).toBe("1.234 borden in deze buurt");
  });
});

describe("safeCartReturnPath", () => {
  it("returns only to the cart and checkout pages", () => {
    for (const path of ["/winkelmand", "/afrekenen", "/afrekenen/verzending", "/afrekenen/betalen"]) {
      expect(safeCartReturnPath(path)).toBe(path);
    }
    for (const bad of ["https://evil.example/", "//evil.example", "/afrekenen/../admin", "/winkelmand?x=1", "", undefined, 5]) {
      expect(safeCartReturnPath(bad)).toBe("/winkelmand");
    }
  });
});

describe("safeGroupPagePath", () => {
  it("returns to the group's own page, order page or members' page", () => {
    expect(safeGroupPagePath("/groepen/wijk-oost", "wijk-oost")).toBe("/groepen/wijk-oost");
    expect(safeGroupPagePath("/groepen/wijk-oost/bestellen", "wijk-oost")).toBe("/groepen/wijk-oost/bestellen");
    expect(safeGroupPagePath("/groepen/wijk-oost/meedoen", "wijk-oost")).toBe("/groepen/wijk-oost/meedoen");
  });
  it("sends anything else to the cart: another group, another site, a path trick", () => {
    for (const value of ["/groepen/andere-groep", "https://evil.example/", "//evil.example", "/groepen/wijk-oost/../../x", undefined, 3]) {
      expect(safeGroupPagePath(value, "wijk-oost")).toBe("/winkelmand");
    }
  });
});
