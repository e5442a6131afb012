import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { MailNotificationService } from "../service"

/** Just enough SMTP on loopback to receive one message (no TLS, no auth). */
async function startSmtpSink() {
  const received: { from: string; to: string[]; data: string }[] = []
  const server = net.createServer((socket) => {
    let buffer = ""
    let inData = false
    let current = { from: "", to: [] as string[], data: "" }
    socket.write("220 sink ESMTP\r\n")
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8")
      let end: number
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        if (inData) {
          if (line === ".") {
            inData = false
            received.push(current)
            current = { from: "", to: [], data: "" }
            socket.write("250 2.0.0 queued\r\n")
          } else current.data += (line.startsWith("..") ? line.slice(1) : line) + "\r\n"
          continue
        }
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === "EHLO" || verb === "HELO") socket.write("250-sink\r\n250 8BITMIME\r\n")
        else if (verb === "MAIL") (current.from = line), socket.write("250 OK\r\n")
        else if (verb === "RCPT") current.to.push(line), socket.write("250 OK\r\n")
        else if (verb === "DATA") (inData = true), socket.write("354 go ahead\r\n")
        else if (verb === "QUIT") socket.end("221 bye\r\n")
        else socket.write("250 OK\r\n")
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const port = (server.address() as net.AddressInfo).port
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((r) => server.close(() => r())) }
}

const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() } as any

describe("MailNotificationService", () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-unit-"))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it("writes an RFC 822 .eml with To/From/Subject/Date, a UTF-8 text part and an HTML part", async () => {
    const mailDir = path.join(dir, "nested", "mail")
    const service = new MailNotificationService({ logger }, { mailDir, from: "Buurtpreventie Shop <bestellingen@buurtpreventie.local>" })
    const result = await service.send({
      to: "anouk@example.nl",
      channel: "email",
      template: "custom",
      content: { subject: "Bedankt voor je bestelling #7", text: "Totaal € 12,95", html: "<p>Totaal € 12,95</p>" },
    })
    const files = fs.readdirSync(mailDir)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^\d{4}-\d{2}-\d{2}T.*-custom-[a-z0-9]+\.eml$/)
    const raw = fs.readFileSync(path.join(mailDir, files[0]), "utf8")
    expect(raw).toMatch(/^From: Buurtpreventie Shop <bestellingen@buurtpreventie\.local>\r\n/m)
    expect(raw).toMatch(/^To: anouk@example\.nl\r$/m)
    expect(raw).toMatch(/^Subject: Bedankt voor je bestelling #7\r$/m)
    expect(raw).toMatch(/^Date: .+ \+0000\r$/m)
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m)
    expect(raw).toContain("Content-Type: text/plain; charset=utf-8")
    expect(raw).toContain("Content-Type: text/html; charset=utf-8")
    expect(raw).toContain("Totaal =E2=82=AC 12,95") // € in quoted-printable UTF-8
    expect(result.id).toMatch(/^<.+@buurtpreventie\.local>$/)
    expect(raw).toContain(`Message-ID: ${result.id}`)
  })

  it("sends the mails about groups (registration, confirmation, moderation, relay) from the groups' sender, orders and staff mails from the shop's", async () => {
    const service = new MailNotificationService(
      { logger },
      { mailDir: dir, from: "Buurtpreventie Shop <bestellingen@buurtpreventie.local>", fromGroups: "Buurtpreventie Shop <groepen@buurtpreventie.local>" }
    )
    const content = { subject: "Onderwerp", text: "Tekst", html: "<p>Tekst</p>" }
    const sent: Record<string, string> = {}
    for (const template of ["group-registration-confirm", "group-approved", "group-registered-staff", "group-contact", "order-placed", "password-reset-staff"]) {
      fs.rmSync(dir, { recursive: true, force: true })
      await service.send({ to: "iemand@example.nl", channel: "email", template, content })
      const [file] = fs.readdirSync(dir)
      sent[template] = /^From: (.+)\r$/m.exec(fs.readFileSync(path.join(dir, file), "utf8"))![1]
    }
    expect(sent).toEqual({
      "group-registration-confirm": "Buurtpreventie Shop <groepen@buurtpreventie.local>",
      "group-approved": "Buurtpreventie Shop <groepen@buurtpreventie.local>",
      "group-registered-staff": "Buurtpreventie Shop <groepen@buurtpreventie.local>",
      "group-contact": "Buurtpreventie Shop <groepen@buurtpreventie.local>",
      "order-placed": "Buurtpreventie Shop <bestellingen@buurtpreventie.local>",
      "password-reset-staff": "Buurtpreventie Shop <bestellingen@buurtpreventie.local>",
    })
  })

  it("sets Reply-To to the resident behind a relayed message, so the admin answers them directly", async () => {
    const service = new MailNotificationService({ logger }, { mailDir: dir, from: "Buurtpreventie Shop <noreply@buurtpreventie.local>" })
    await service.send({
      to: "beheerder@example.nl",
      channel: "email",
      template: "group-contact",
      content: { subject: "Bericht via de buurtgroepenkaart", text: "Hallo" },
      provider_data: { reply_to: { name: "Els de Boer", address: "els@example.nl" } },
    } as any)
    const raw = fs.readFileSync(path.join(dir, fs.readdirSync(dir)[0]), "utf8")
    expect(raw).toMatch(/^Reply-To: Els de Boer <els@example\.nl>\r$/m)
    expect(raw).toMatch(/^From: Buurtpreventie Shop <noreply@buurtpreventie\.local>\r$/m)
  })

  it("writes the threading headers of a relayed admin message (Message-ID, In-Reply-To, References), and nothing else from them", async () => {
    const service = new MailNotificationService({ logger }, { mailDir: dir, from: "Buurtpreventie Shop <noreply@buurtpreventie.local>" })
    await service.send({
      to: "anouk@example.nl",
      channel: "email",
      template: "group-admin-message",
      content: { subject: "Re: Bericht van Anouk van Buurtpreventie Oost", text: "Goed idee" },
      provider_data: {
        thread: {
          message_id: "<admmsg_3@shop.test>",
          in_reply_to: "<admmsg_2@shop.test>",
          references: ["<admmsg_1@shop.test>", "<admmsg_2@shop.test>", "<x@y>\r\nBcc: evil@example.nl"],
        },
      },
    } as any)
    const raw = fs.readFileSync(path.join(dir, fs.readdirSync(dir)[0]), "utf8")
    const headers = raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ")
    expect(headers).toMatch(/^Message-ID: <admmsg_3@shop\.test>$/m)
    expect(headers).toMatch(/^In-Reply-To: <admmsg_2@shop\.test>$/m)
    expect(headers).toMatch(/^References: <admmsg_1@shop\.test> <admmsg_2@shop\.test>$/m)
    expect(headers).not.toMatch(/evil|^Bcc:/im)
  })

  it("sends the same message through SMTP_URL instead of writing a file", async () => {
    const sink = await startSmtpSink()
    try {
      const mailDir = path.join(dir, "unused")
      const service = new MailNotificationService({ logger }, { mailDir, smtpUrl: sink.url, from: "Shop <shop@buurtpreventie.local>" })
      await service.send({ to: "anouk@example.nl", channel: "email", template: "x", content: { subject: "Hallo", text: "Tekst € 1,00" } })
      expect(sink.received).toHaveLength(1)
      expect(sink.received[0].from).toMatch(/<shop@buurtpreventie\.local>/)
      expect(sink.received[0].to).toEqual([expect.stringMatching(/<anouk@example\.nl>/)])
      expect(sink.received[0].data).toMatch(/^Subject: Hallo\r$/m)
      expect(sink.received[0].data).toContain("Tekst =E2=82=AC 1,00")
      expect(fs.existsSync(mailDir)).toBe(false)
    } finally {
      await sink.close()
    }
  })

  it("needs an absolute mail folder or an SMTP URL", () => {
    expect(() => MailNotificationService.validateOptions({ mailDir: "relative" })).toThrow(/absolute/)
    expect(() => MailNotificationService.validateOptions({ smtpUrl: "smtp://localhost:25" })).not.toThrow()
    expect(() => MailNotificationService.validateOptions({ mailDir: "/tmp/mail" })).not.toThrow()
  })
})
