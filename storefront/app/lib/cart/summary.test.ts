import { describe, expect, it } from "vitest";
import { formatMoney } from "../format";
import { summaryAmounts, vatIncluded } from "./summary";

describe("summaryAmounts", () => {
  it("adds the btw of the shipping estimate to the items' btw, so the btw is the total's", () => {
    // Two signs (€ 59,90, btw 10,40) and the € 6,95 estimate: € 66,85, of which € 11,60 btw.
    const amounts = summaryAmounts({
      itemTotal: 59.9,
      itemTaxTotal: vatIncluded(59.9),
      total: 59.9,
      taxTotal: vatIncluded(59.9),
      shipping: { chosen: false, amount: 6.95 },
    });
    expect(formatMoney(amounts.total)).toBe("€\u00a066,85");
    expect(formatMoney(amounts.taxTotal)).toBe("€\u00a011,60");
  });

  it("takes Medusa's totals once shipping is chosen, without counting its btw twice", () => {
    const amounts = summaryAmounts({
      itemTotal: 59.9,
      itemTaxTotal: 10.4,
      total: 66.85,
      taxTotal: 11.6,
      shipping: { chosen: true, amount: 6.95 },
    });
    expect(amounts).toEqual({ total: 66.85, taxTotal: 11.6 });
  });

  it("shows the items alone while shipping is unknown", () => {
    expect(summaryAmounts({ itemTotal: 10, itemTaxTotal: 1.74, total: 10, taxTotal: 1.74, shipping: { chosen: false, amount: null } })).toEqual({
      total: 10,
      taxTotal: 1.74,
    });
  });
});
