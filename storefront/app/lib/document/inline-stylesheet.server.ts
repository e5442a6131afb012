/**
 * Reads the built stylesheet once, when the server starts (see inline-stylesheet.ts).
 */
import fs from "node:fs";
import path from "node:path";

/**
 * The text of the built asset `href` (e.g. `/assets/tailwind-ab12.css`) under `clientDir`
 * (build/client). The CSS goes inside a `<style>` element: a `</style` in it would end the
 * element early, so it is escaped (CSS reads `\3c` as `<` only in strings; Tailwind's output
 * has none, the escape only guards against a future rule).
 */
export function readInlineStylesheet(href: string, clientDir: string): string {
  const root = path.resolve(clientDir);
  const file = path.resolve(root, ...href.split("/").filter(Boolean));
  if (!file.startsWith(root + path.sep)) throw new Error(`stylesheet outside the build: ${href}`);
  const css = fs.readFileSync(file, "utf8");
  return css.replace(/<\/(style)/gi, "\\3c/$1");
}
