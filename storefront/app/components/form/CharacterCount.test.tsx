import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CharacterCount, characterCountText, nearLimit } from "./CharacterCount";

describe("a text field's character count", () => {
  it("shows the count with the limit in Dutch, and announces nothing far from it", () => {
    expect(characterCountText(120, 2000)).toEqual({ shown: "120 van 2.000 tekens", announced: null, near: false });
    expect(characterCountText(1799, 2000).announced).toBeNull();
  });

  it("announces what is left near the limit (a tenth of it, at least 20)", () => {
    expect(nearLimit(2000)).toBe(200);
    expect(nearLimit(500)).toBe(50);
    expect(nearLimit(100)).toBe(20);
    expect(characterCountText(1800, 2000)).toMatchObject({ announced: "Nog 200 tekens over.", near: true });
    expect(characterCountText(499, 500).announced).toBe("Nog 1 teken over.");
    expect(characterCountText(455, 500).announced).toBe("Nog 45 tekens over.");
    expect(characterCountText(449, 500).announced).toBeNull();
  });

  it("says at the limit that more is cut off (a paste longer than the limit ends there)", () => {
    const full = characterCountText(500, 500);
    expect(full.shown).toBe("500 van 500 tekens: de grens is bereikt");
    expect(full.announced).toBe("Je hebt de grens van 500 tekens bereikt. Wat je meer typt of plakt, valt weg.");
  });

  it("is not in the server's page: without JavaScript the field's hint names the limit", () => {
    expect(renderToStaticMarkup(<CharacterCount id="count" length={10} max={500} />)).toBe("");
  });
});
