import { givenTrackingUrl, postnlTrackingUrl, trackingLinks } from "../track-and-trace"

describe("track and trace", () => {
  it("builds PostNL's page from the barcode and the postcode without space", () => {
    expect(postnlTrackingUrl("3SABCD1234567", "3581 AB", "nl")).toBe("https://jouw.postnl.nl/track-and-trace/3SABCD1234567-NL-3581AB")
    expect(postnlTrackingUrl(" 3sabcd 123 ", "2000", "be")).toBe("https://jouw.postnl.nl/track-and-trace/3SABCD123-BE-2000")
    expect(postnlTrackingUrl("3SABC", null, null)).toBe("https://jouw.postnl.nl/track-and-trace/3SABC-NL-")
  })

  it("keeps a real URL staff entered, ignores Medusa's empty and # placeholders and other schemes", () => {
    expect(givenTrackingUrl("https://www.dhl.nl/track?x=1")).toBe("https://www.dhl.nl/track?x=1")
    expect(givenTrackingUrl("#")).toBeUndefined()
    expect(givenTrackingUrl("")).toBeUndefined()
    expect(givenTrackingUrl("javascript:alert(1)")).toBeUndefined()
  })

  it("gives one link per tracking number", () => {
    const address = { postal_code: "3581 AB", country_code: "nl" }
    expect(
      trackingLinks(
        [
          { tracking_number: "3SAAA", tracking_url: "#" },
          { tracking_number: "3SAAA", tracking_url: "" },
          { tracking_number: "JVGL123", tracking_url: "https://www.dhl.nl/t/JVGL123" },
          { tracking_number: "", tracking_url: "" },
        ],
        address
      )
    ).toEqual([
      { number: "3SAAA", url: "https://jouw.postnl.nl/track-and-trace/3SAAA-NL-3581AB" },
      { number: "JVGL123", url: "https://www.dhl.nl/t/JVGL123" },
    ])
  })
})
