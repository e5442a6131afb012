import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readInlineStylesheet } from "./inline-stylesheet.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bp-css-"));
fs.mkdirSync(path.join(dir, "assets"));
fs.writeFileSync(path.join(dir, "assets/tailwind-Ab12.css"), "body{color:red}a::after{content:'</style><script>'}");

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("readInlineStylesheet", () => {
  it("reads the built stylesheet by its URL, so it can sit in a <style> element", () => {
    const css = readInlineStylesheet("/assets/tailwind-Ab12.css", dir);
    expect(css).toContain("body{color:red}");
    expect(css).not.toMatch(/<\/style/i);
  });

  it("refuses a URL outside the client build, and fails loudly on a missing file", () => {
    expect(() => readInlineStylesheet("/../../etc/passwd", dir)).toThrow(/outside the build/);
    expect(() => readInlineStylesheet("/assets/missing.css", dir)).toThrow();
  });
});
