import { describe, expect, it } from "vitest";
import {
  memberPagePath,
  orderedInNeighbourhoodLabel,
  ordersLabel,
  posterPath,
  safeMemberNext,
  shareMessage,
  whatsAppShareUrl,
} from "./group-share";

describe("group share", () => {
  it("builds the members' page and poster paths", () => {
    expect(memberPagePath("buurt-oost")).toBe("/groepen/buurt-oost/meedoen");
    expect(posterPath("buurt oost")).toBe("/groepen/buurt%20oost/poster.pdf");
  });

  it("writes a Dutch message with the order link, and a wa.me link that carries it", () => {
    const text = shareMessage({ name: "Buurtpreventie Lindelaan", woonplaats: "Utrecht" }, "https://shop.test/groepen/lindelaan/meedoen");
    expect(text).toContain("*Buurtpreventie Lindelaan* in Utrecht");
    expect(text).toContain("raamsticker voor je eigen deur");
    expect(text.endsWith("https://shop.test/groepen/lindelaan/meedoen")).toBe(true);
    const url = new URL(whatsAppShareUrl(text));
    expect(url.origin + url.pathname).toBe("https://wa.me/");
    expect(url.searchParams.get("text")).toBe(text);
    expect(text).not.toMatch(/chat\.whatsapp\.com/);
  });

  it("counts signs and stickers in Dutch, hiding nothing-yet", () => {
    expect(orderedInNeighbourhoodLabel(3, 12)).toBe("3 borden en 12 stickers besteld in deze buurt");
    expect(orderedInNeighbourhoodLabel(1, 1)).toBe("1 bord en 1 sticker besteld in deze buurt");
    expect(orderedInNeighbourhoodLabel(0, 2)).toBe("2 stickers besteld in deze buurt");
    expect(orderedInNeighbourhoodLabel(2, 0)).toBe("2 borden besteld in deze buurt");
    expect(orderedInNeighbourhoodLabel(0, 0)).toBeNull();
    expect(orderedInNeighbourhoodLabel(null, undefined)).toBeNull();
    expect(orderedInNeighbourhoodLabel(1234, 0)).toBe("1.234 borden besteld in deze buurt");
  });

  it("labels the number of orders", () => {
    expect(ordersLabel(0)).toBe("Nog geen bestellingen via je groep");
    expect(ordersLabel(1)).toBe("1 bestelling via je groep");
    expect(ordersLabel(5)).toBe("5 bestellingen via je groep");
  });

  it("sends members on only to a product or shop page of this site", () => {
    expect(safeMemberNext("/producten/raamsticker-whatsapp-buurtpreventie")).toBe("/producten/raamsticker-whatsapp-buurtpreventie");
    expect(safeMemberNext("/winkel/borden")).toBe("/winkel/borden");
    for (const bad of ["https://evil.test/x", "//evil.test", "/producten/../afrekenen", "/winkelmand", null, 3]) {
      expect(safeMemberNext(bad)).toBe("/winkel/stickers");
    }
  });
});
