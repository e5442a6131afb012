import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import nodemailer from "nodemailer"
import { mentionsEmail, normaliseEmail } from "../../../lib/email"
import { deleteMailFiles, emlMentions } from "../steps/erase-mail-records"

/** The bytes the mail provider writes to MAIL_DIR for a message (same transport options). */
async function eml(message: object): Promise<string> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" })
  const info = await transport.sendMail({ from: "shop@buurtpreventie.local", to: "moderatie@buurtpreventie.test", subject: "Aanmelding", ...message })
  return (info.message as Buffer).toString("utf8")
}

describe("erasure of mail files", () => {
  it("normalises addresses to one spelling", () => {
    expect(normaliseEmail("  Vera.VanVerwijder@Example.NL ")).toBe("vera.vanverwijder@example.nl")
  })

  it("finds an address in any letter case, in headers and in quoted-printable or base64 bodies", async () => {
    const address = "vera.vanverwijder@example.nl"
    // a long line: quoted-printable wraps it with soft line breaks, possibly inside the address
    const qp = await eml({ text: `${"Nieuwe aanmelding – beheerder: ".repeat(2)}Vera.VanVerwijder@Example.NL, 06 98765432 ${"é".repeat(3)}` })
    expect(qp).toMatch(/quoted-printable/i)
    expect(emlMentions(qp, [address])).toBe(true)
    // mostly non-ASCII text: nodemailer picks base64
    const b64 = await eml({ text: `${"ë€ü".repeat(40)} VERA.vanverwijder@example.nl` })
    expect(b64).toMatch(/base64/i)
    expect(b64.toLowerCase()).not.toContain(address)
    expect(emlMentions(b64, [address])).toBe(true)
    expect(emlMentions(await eml({ replyTo: "Vera <Vera.VanVerwijder@example.nl>", text: "Hoi buren" }), [address])).toBe(true)
    expect(emlMentions(await eml({ text: "Iemand anders: bert@example.nl" }), [address])).toBe(false)
  })

  it("deletes only the files that mention the address, and copes with a missing folder", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bp-erase-unit-"))
    try {
      fs.writeFileSync(path.join(dir, "a.eml"), await eml({ text: "Van: Vera.VanVerwijder@Example.NL" }))
      fs.writeFileSync(path.join(dir, "b.eml"), await eml({ text: "Van: bert@example.nl" }))
      fs.writeFileSync(path.join(dir, "notes.txt"), "vera.vanverwijder@example.nl")
      expect(await deleteMailFiles(dir, ["vera.vanverwijder@example.nl"])).toBe(1)
      expect(fs.readdirSync(dir).sort()).toEqual(["b.eml", "notes.txt"])
      expect(await deleteMailFiles(path.join(dir, "missing"), ["vera.vanverwijder@example.nl"])).toBe(0)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe("erasure matches whole addresses (issue 24 item 12)", () => {
  it("a@x.co is not mentioned by ba@x.com, a@x.co.uk or a@x.com, in text, JSON or mail files", async () => {
    expect(mentionsEmail("Van: ba@x.com", ["a@x.co"])).toBe(false)
    expect(mentionsEmail('{"reply_to":{"address":"ba@x.com"}}', ["a@x.co"])).toBe(false)
    expect(mentionsEmail("mail a@x.co.uk of a@x.com", ["a@x.co"])).toBe(false)
    expect(mentionsEmail('{"reply_to":{"address":"A@X.CO","name":"A"}}', ["a@x.co"])).toBe(true)
    expect(mentionsEmail("Schrijf naar <a@x.co>.", ["a@x.co"])).toBe(true)
    expect(emlMentions(await eml({ replyTo: "Bea <ba@x.com>", text: "Hoi, ik ben Bea (ba@x.com)" }), ["a@x.co"])).toBe(false)
    expect(emlMentions(await eml({ replyTo: "A <A@x.co>", text: "Hoi" }), ["a@x.co"])).toBe(true)
    // quoted-printable may break a line right after the "b" of ba@x.com: still not a@x.com
    const wrapped = "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nVan: caf=C3=A9 b=\r\na@x.com\r\n"
    expect(emlMentions(wrapped, ["a@x.com"])).toBe(false)
    expect(emlMentions(wrapped, ["ba@x.com"])).toBe(true)
  })
})
