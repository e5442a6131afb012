import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { deliveryLabel, targetLabel } from "./AuthorNoticeList";
import { noticeErrorList } from "./NoticeForm";
import { NoticeStatusBadge } from "./NoticeStatusBadge";

describe("the notice account's list", () => {
  it("says to how many group admins a notice went", () => {
    expect(deliveryLabel(0)).toBe("Nog aan geen enkele groepsbeheerder gestuurd");
    expect(deliveryLabel(1)).toBe("Naar 1 groepsbeheerder gestuurd");
    expect(deliveryLabel(12)).toBe("Naar 12 groepsbeheerders gestuurd");
  });

  it("names the area: municipality names (codes when unknown) and PC4s", () => {
    expect(targetLabel({ municipalityCodes: ["0344", "9999"], postcodes: [] }, { "0344": "Utrecht" })).toBe("gemeente Utrecht, gemeente 9999");
    expect(targetLabel({ municipalityCodes: [], postcodes: ["3581"] }, {})).toBe("postcode 3581");
    expect(targetLabel({ municipalityCodes: ["0344"], postcodes: ["3581", "3582"] }, { "0344": "Utrecht" })).toBe("gemeente Utrecht, postcodes 3581, 3582");
  });

  it("shows each status in Dutch words", () => {
    expect(renderToStaticMarkup(<NoticeStatusBadge status="current" />)).toContain(">Actueel<");
    expect(renderToStaticMarkup(<NoticeStatusBadge status="planned" />)).toContain(">Gepland<");
    expect(renderToStaticMarkup(<NoticeStatusBadge status="ended" />)).toContain(">Afgelopen<");
    expect(renderToStaticMarkup(<NoticeStatusBadge status="withdrawn" />)).toContain(">Ingetrokken<");
  });
});

describe("the notice form's error summary", () => {
  it("lists field errors in form order, and messages about unknown fields at the top", () => {
    expect(
      noticeErrorList({
        ends_at: "De einddatum moet na de begindatum liggen",
        title: "Vul een titel in",
        author_label: 'Onbekend veld "author_label"',
        municipality_codes: "Kies minstens één gemeente of postcodegebied (PC4)",
      }),
    ).toEqual([
      ["_", 'Onbekend veld "author_label"'],
      ["title", "Vul een titel in"],
      ["municipality_codes", "Kies minstens één gemeente of postcodegebied (PC4)"],
      ["ends_at", "De einddatum moet na de begindatum liggen"],
    ]);
  });
});
