import { changesRejectedMail, registeredStaffMail } from "../emails"
import { listChanges, splitGroupEdit } from "../steps/group-changes"

const settings = { staffEmail: "staf@example.nl", storefrontUrl: "http://shop.test", adminUrl: "http://admin.test/app" }
const group = {
  id: "nbgrp_new",
  name: "WABP Lindenlaan",
  slug: "wabp-lindenlaan-utrecht",
  woonplaats: "Utrecht",
  gemeente: "Utrecht",
  postcodes: ["3581"],
  member_count: 12,
  admin_name: "Anouk",
  admin_email: "anouk@example.nl",
  admin_phone: "+31612345678",
}

describe("splitGroupEdit", () => {
  it("holds back name, place, postcodes and point of an approved group; the member count applies at once", () => {
    expect(
      splitGroupEdit("approved", { name: "Nieuw", woonplaats: "Zeist", postcodes: ["3701"], lat: 52.1, lng: 5.2, member_count: 30 })
    ).toEqual({ immediate: { member_count: 30 }, reviewed: { name: "Nieuw", woonplaats: "Zeist", postcodes: ["3701"], lat: 52.1, lng: 5.2 } })
    expect(splitGroupEdit("approved", { member_count: 30 })).toEqual({ immediate: { member_count: 30 }, reviewed: null })
  })

  it.each(["pending", "rejected"])("changes a %s group (not public) at once", (status) => {
    expect(splitGroupEdit(status, { name: "Nieuw", member_count: 3 })).toEqual({ immediate: { name: "Nieuw", member_count: 3 }, reviewed: null })
  })
})

describe("listChanges", () => {
  const existing = { name: "Oud", woonplaats: "Utrecht", gemeente: "Utrecht", postcodes: ["3581", "3582"], lat: 52.0912284851, lng: 5.12 }

  it("lists only fields that differ, postcodes as a set and points within about a metre as equal", () => {
    expect(
      listChanges(existing, { id: "x", name: "Oud", postcodes: ["3582", "3581"], lat: 52.09123, lng: 5.12, woonplaats: "Zeist", gemeente: "Zeist" })
    ).toEqual([
      { field: "woonplaats", from: "Utrecht", to: "Zeist" },
      { field: "gemeente", from: "Utrecht", to: "Zeist" },
    ])
    expect(listChanges(existing, { id: "x", lat: 52.2 })).toEqual([{ field: "lat", from: existing.lat, to: 52.2 }])
  })

  it("leaves out derived fields staff need not review", () => {
    expect(listChanges(existing, { id: "x", search_text: "nieuw", name_key: "nieuw" })).toEqual([])
  })
})

describe("staff registration e-mail", () => {
  it("marks a possible duplicate with the other group's name, status and admin link", () => {
    const mail = registeredStaffMail({ ...group, possible_duplicate_of: { id: "nbgrp_old", name: "Buurtpreventie Lindenlaan", slug: "x", status: "pending" } }, settings)
    expect(mail.subject).toBe("Mogelijk dubbele buurtgroep wacht op beoordeling: WABP Lindenlaan")
    expect(mail.text).toContain('mogelijk dezelfde groep als "Buurtpreventie Lindenlaan" (wacht op beoordeling)')
    expect(mail.text).toContain("http://admin.test/app/groups/nbgrp_old")
  })

  it("is the ordinary one without a duplicate", () => {
    const mail = registeredStaffMail(group, settings)
    expect(mail.subject).toBe("Nieuwe buurtgroep wacht op beoordeling: WABP Lindenlaan")
    expect(mail.text).not.toContain("mogelijk")
  })
})

describe("changes-rejected e-mail", () => {
  it("says the listing stays as it was, with the reason when there is one, escaped in HTML", () => {
    const mail = changesRejectedMail({ name: "WABP Lindenlaan", admin_name: "Anouk" }, "Naam <b>te</b> algemeen")
    expect(mail.subject).toBe('Je wijziging van "WABP Lindenlaan" is niet overgenomen')
    expect(mail.text).toContain("De reden: Naam <b>te</b> algemeen")
    expect(mail.html).toContain("Naam &lt;b&gt;te&lt;/b&gt; algemeen")
    expect(changesRejectedMail({ name: "X", admin_name: null }, null).text).not.toContain("De reden")
  })
})
