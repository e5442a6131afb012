import { describe, expect, it } from "vitest";
import { directoryViewHref, parseDirectoryView } from "~/components/groups/ListMapSwitch";
import { GROUP_POINT_ALTERNATIVES, groupLookupFailure } from "./group-point";

describe("the /groepen view switch", () => {
  it("reads ?weergave=kaart as the map and anything else as the list", () => {
    expect(parseDirectoryView("kaart")).toBe("kaart");
    expect(parseDirectoryView("lijst")).toBe("lijst");
    expect(parseDirectoryView("KAART<script>")).toBe("lijst");
    expect(parseDirectoryView(null)).toBe("lijst");
  });

  it("keeps the search and page in the other view's link", () => {
    expect(directoryViewHref("", 1, "lijst")).toBe("/groepen");
    expect(directoryViewHref("", 1, "kaart")).toBe("/groepen?weergave=kaart");
    expect(directoryViewHref("3511 AB", 3, "kaart")).toBe("/groepen?zoek=3511+AB&pagina=3&weergave=kaart");
  });
});

describe("a failed address lookup in the group forms", () => {
  it("offers the pin, the degrees or nothing, never fields the form does not have", () => {
    for (const state of [
      { status: "unavailable", message: "Adres opzoeken lukt nu niet. Vul je straat en plaats zelf in." },
      { status: "not_found", message: "We vinden geen adres … of vul je straat en plaats zelf in." },
    ] as const) {
      const text = groupLookupFailure(state)!;
      expect(text).toContain(GROUP_POINT_ALTERNATIVES);
      expect(text).not.toMatch(/straat/i);
    }
    expect(groupLookupFailure({ status: "not_found", message: "We vinden geen adres met postcode 3581 KP en huisnummer 77. Controleer postcode en huisnummer, of vul je straat en plaats zelf in." })).toBe(
      `We vinden geen adres met postcode 3581 KP en huisnummer 77. ${GROUP_POINT_ALTERNATIVES}`,
    );
    expect(groupLookupFailure({ status: "idle" })).toBeNull();
  });
});
