import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import PDFDocument from "pdfkit";
import { posterHeaderLayout, renderGroupPoster } from "./poster.server";

/** The text pdfkit drew: inflated content streams, hex strings decoded (Latin-1). */
function pdfText(pdf: Buffer): string {
  const out: string[] = [];
  for (const m of pdf.toString("latin1").matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = zlib.inflateSync(Buffer.from(m[1]!, "latin1")).toString("latin1");
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      out.push([...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, "hex").toString("latin1")).join(""));
    }
  }
  return out.join("\n");
}

describe("group poster", () => {
  it("is one A4 page with the name, the SAAR rules, 112/101 and the group's page URL", async () => {
    const url = "https://shop.test/groepen/buurtpreventie-lindelaan";
    const pdf = await renderGroupPoster({ name: "Buurtpreventie Lindelaan", woonplaats: "Utrecht", gemeente: "Utrecht" }, url);
    const raw = pdf.toString("latin1");
    expect(raw.startsWith("%PDF-")).toBe(true);
    expect(raw.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(raw).toContain("/MediaBox [0 0 595.28 841.89]");
    const text = pdfText(pdf);
    for (const part of ["Buurtpreventie Lindelaan", "Signaleer", "Alarmeer", "App de groep", "Reageer", "Bel 112", "In België bel je 101"]) {
      expect(text).toContain(part);
    }
    expect(text.replace(/\n/g, "")).toContain(url);
    expect(raw).not.toMatch(/chat\.whatsapp\.com/);
  });

  it("grows the blue header with a name that wraps, so the place line stays inside it on one page", async () => {
    const group = { name: "Buurtpreventie Lindelaan-Oost en omstreken van de Wilhelminawijk", woonplaats: "Utrecht", gemeente: "Utrecht" };
    const short = posterHeaderLayout(new PDFDocument({ size: "A4" }), { ...group, name: "Buurtpreventie Lindelaan" });
    const long = posterHeaderLayout(new PDFDocument({ size: "A4" }), group);
    expect(short.height).toBe(150);
    expect(long.subtitleY).toBeGreaterThan(short.subtitleY);
    expect(long.subtitleY + long.subtitleHeight).toBeLessThanOrEqual(long.height - 10);
    expect(long.height).toBeGreaterThan(150);

    const pdf = await renderGroupPoster(group, "https://shop.test/groepen/lindelaan-oost");
    const raw = pdf.toString("latin1");
    expect(raw.match(/\/Type \/Page\b/g)).toHaveLength(1);
    const text = pdfText(pdf);
    expect(text).toContain("Utrecht · gemeente Utrecht");
    expect(text).toContain("Wilhelminawijk");
    expect(text).toContain("Reageer");
  });
});
