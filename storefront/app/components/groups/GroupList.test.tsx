import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GroupBadges } from "./GroupList";

const text = (html: string) => html.replace(/<[^>]+>/g, "");

describe("a directory entry's badges", () => {
  it("shows only 'Actief in' for a group that covers the searched postcode, never its distance", () => {
    const html = renderToStaticMarkup(<GroupBadges group={{ distanceLabel: "158 km", coversPostcode: true }} postcode="3581" />);
    expect(text(html)).toBe("Actief in 3581");
    expect(html).not.toContain("Afstand");
  });

  it("shows the distance for a group that does not cover the postcode", () => {
    const html = renderToStaticMarkup(<GroupBadges group={{ distanceLabel: "1,4 km", coversPostcode: false }} postcode="3581" />);
    expect(text(html)).toBe("Afstand: 1,4 km");
  });

  it("shows the distance when no postcode was searched (a place search), and nothing without either", () => {
    expect(text(renderToStaticMarkup(<GroupBadges group={{ distanceLabel: "3 km", coversPostcode: true }} postcode={null} />))).toBe("Afstand: 3 km");
    expect(renderToStaticMarkup(<GroupBadges group={{ distanceLabel: null, coversPostcode: false }} postcode="3581" />)).toBe("");
  });
});
