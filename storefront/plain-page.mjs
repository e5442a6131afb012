/**
 * The Dutch page the server itself answers with when a request never reaches Remix (a body
 * too large, no form, a URL that cannot be read): plain HTML with inline styles, no scripts,
 * so it renders under the default Content-Security-Policy (security-headers.mjs).
 */
export function plainPage({ title, heading, text }) {
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – Buurtpreventie Shop</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; color: #0f172a">
<main>
<h1>${heading}</h1>
<p>${text}</p>
<p><a href="/" style="color: #1d4ed8">Terug naar de winkel</a></p>
</main>
</body>
</html>
`;
}
