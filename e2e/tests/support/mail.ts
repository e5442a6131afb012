import zlib from "node:zlib"

/**
 * Reading a PDF attached to a mail in MAIL_DIR, for browser tests that check what the
 * shopper receives (the invoice of an order "op rekening"). The same reading as
 * backend/integration-tests/http/invoice-orders.spec.ts, which e2e cannot import.
 */

/** The PDF attachment of a mail (raw or quoted-printable-decoded text). */
export function pdfAttachment(mail: string): Buffer | undefined {
  const part = /Content-Type: application\/pdf[^]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(mail)
  return part ? Buffer.from(part[1]!.replace(/\s+/g, ""), "base64") : undefined
}

// pdfkit's built-in fonts use WinAnsi: Latin-1 plus € (0x80), en and em dash (0x96, 0x97).
const winAnsi = (b: Buffer) => b.toString("latin1").replace(/\x80/g, "€").replace(/\x96/g, "–").replace(/\x97/g, "—")

/** The text drawn in a PDF made by pdfkit: inflates its streams and decodes its hex strings. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1")
  const out: string[] = []
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string
    try {
      content = zlib.inflateSync(Buffer.from(m[1]!, "latin1")).toString("latin1")
    } catch {
      content = m[1]!
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      out.push([...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => winAnsi(Buffer.from(h[1]!, "hex"))).join(""))
    }
  }
  return out.join("\n")
}
