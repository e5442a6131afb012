import { areaNoticeMail } from "../emails"

const settings = { staffEmail: "staff@example.nl", storefrontUrl: "https://shop.test", adminUrl: "https://admin.test" }
const notice = {
  id: "anotc_1",
  title: "Let op <script>",
  body: "Regel één\nRegel & twee",
  author_label: "Wijkagent Utrecht-Oost",
  starts_at: "2026-11-25T09:00:00Z",
  ends_at: "2026-12-02T09:00:00Z",
}
const group = { id: "nbgrp_1", name: "Buurtpreventie Lombok", slug: "lombok", admin_name: "Anouk" }

describe("areaNoticeMail", () => {
  it("writes a Dutch mail with the notice, its period and the group page", () => {
    const mail = areaNoticeMail(notice, group, settings)
    expect(mail.subject).toBe("Melding voor je buurt: Let op <script>")
    expect(mail.text).toContain("Hallo Anouk,")
    expect(mail.text).toContain('Wijkagent Utrecht-Oost heeft een melding voor de buurt van je buurtpreventiegroep "Buurtpreventie Lombok"')
    expect(mail.text).toContain("Regel één\nRegel & twee")
    expect(mail.text).toContain("25 november 2026")
    expect(mail.text).toContain("2 december 2026")
    expect(mail.text).toContain("https://shop.test/groepen/lombok")
  })

  it("escapes the notice in the HTML part", () => {
    const { html } = areaNoticeMail(notice, group, settings)
    expect(html).toContain("Let op &lt;script&gt;")
    expect(html).toContain("Regel één<br>Regel &amp; twee")
    expect(html).not.toContain("<script>")
  })

  it("greets without a name when the admin has none", () => {
    expect(areaNoticeMail(notice, { ...group, admin_name: "" }, settings).text.startsWith("Hallo,\n")).toBe(true)
  })
})
