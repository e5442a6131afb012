import { parseTrustedProxies } from "../../../config/env"
import {
  addressBehindProxies,
  limitSubject,
  normaliseAddress,
  signClientAddress,
  SIGNATURE_MAX_AGE_SECONDS,
  trustedProxyList,
  verifiedClientAddress,
} from "../client-address"

const SECRET = "s".repeat(64)
const none = trustedProxyList([])
const proxies = trustedProxyList(parseTrustedProxies("10.0.0.2, 172.16.0.0/12, loopback"))

describe("addressBehindProxies", () => {
  it("ignores X-Forwarded-For entirely when no proxy is trusted", () => {
    expect(addressBehindProxies("203.0.113.7", "198.51.100.1", none)).toBe("203.0.113.7")
    expect(addressBehindProxies("::ffff:203.0.113.7", ["1.1.1.1", "2.2.2.2"], none)).toBe("203.0.113.7")
  })

  it("ignores X-Forwarded-For from a client that is not a trusted proxy", () => {
    expect(addressBehindProxies("198.51.100.9", "127.0.0.1", proxies)).toBe("198.51.100.9")
  })

  it("takes the first untrusted hop from the right behind trusted proxies", () => {
    // client → 172.16.5.5 (proxy) → 10.0.0.2 (proxy) → backend
    expect(addressBehindProxies("10.0.0.2", "198.51.100.9, 172.16.5.5", proxies)).toBe("198.51.100.9")
  })

  it("never reads entries the client wrote to the left of what the proxy appended", () => {
    const forgedEach = ["1.2.3.4", "5.6.7.8, 9.9.9.9", "127.0.0.1"].map((forged) =>
      addressBehindProxies("127.0.0.1", `${forged}, 198.51.100.9`, proxies)
    )
    expect(forgedEach).toEqual(["198.51.100.9", "198.51.100.9", "198.51.100.9"])
  })

  it("stops at a malformed hop with the last address a trusted proxy vouched for", () => {
    expect(addressBehindProxies("10.0.0.2", "evil, 172.16.5.5", proxies)).toBe("172.16.5.5")
    expect(addressBehindProxies("10.0.0.2", "", proxies)).toBe("10.0.0.2")
  })

  it("spells one client one way (IPv4-mapped IPv6, brackets, case)", () => {
    expect(normaliseAddress("::FFFF:192.0.2.1")).toBe("192.0.2.1")
    expect(normaliseAddress("[2001:DB8::1]")).toBe("2001:db8::1")
  })
})

describe("signed client address", () => {
  const now = 1_800_000_000

  it("accepts a fresh signature and returns the signed address", () => {
    expect(verifiedClientAddress(signClientAddress("198.51.100.9", SECRET, now), SECRET, now + 5)).toBe("198.51.100.9")
    expect(verifiedClientAddress(signClientAddress("2001:db8::1", SECRET, now), SECRET, now)).toBe("2001:db8::1")
  })

  it("ignores unsigned, forged, tampered, stale and future headers", () => {
    const good = signClientAddress("198.51.100.9", SECRET, now)
    const [, timestamp, signature] = good.split(" ")
    const hostile = [
      "198.51.100.9",
      `198.51.100.10 ${timestamp} ${signature}`,
      `198.51.100.9 ${Number(timestamp) + 1} ${signature}`,
      signClientAddress("198.51.100.9", "x".repeat(64), now),
      `${good} extra`,
      "not-an-ip 1800000000 " + "0".repeat(64),
      "a".repeat(500),
    ]
    for (const header of hostile) expect(verifiedClientAddress(header, SECRET, now)).toBeUndefined()
    expect(verifiedClientAddress(good, SECRET, now + SIGNATURE_MAX_AGE_SECONDS + 1)).toBeUndefined()
    expect(verifiedClientAddress(good, SECRET, now - SIGNATURE_MAX_AGE_SECONDS - 1)).toBeUndefined()
    expect(verifiedClientAddress([good, good], SECRET, now)).toBeUndefined()
  })

  it("trusts nothing without a secret", () => {
    expect(verifiedClientAddress(signClientAddress("198.51.100.9", SECRET, now), undefined, now)).toBeUndefined()
  })
})

describe("limitSubject", () => {
  it("counts an IPv6 address as its /64, whatever the spelling", () => {
    const spellings = [
      "2001:db8:aa:1::1",
      "2001:0DB8:00AA:0001:ffff:ffff:ffff:fffe",
      "[2001:db8:aa:1:0:0:0:9]",
      "2001:db8:aa:1::192.0.2.1",
      "2001:db8:aa:1::abcd%eth0",
    ]
    expect(new Set(spellings.map(limitSubject))).toEqual(new Set(["2001:db8:aa:1::/64"]))
    expect(limitSubject("2001:db8:aa:2::1")).toBe("2001:db8:aa:2::/64")
    // one machine, one budget, whichever family a local client picked
    expect(["::1", "0:0:0:0:0:0:0:1", "[::1]", "127.0.0.1", "127.8.9.10", "::ffff:127.0.0.1"].map(limitSubject)).toEqual(Array(6).fill("loopback"))
    expect(limitSubject("unknown")).toBe("unknown")
    expect(limitSubject("128.0.0.1")).toBe("128.0.0.1")
    expect(limitSubject("fe80::1%lo")).toBe("fe80:0:0:0::/64")
  })

  it("keeps IPv4, also when written as an IPv4-mapped IPv6 address", () => {
    for (const spelling of ["198.51.100.77", "::ffff:198.51.100.77", "::FFFF:c633:644d", "0:0:0:0:0:ffff:198.51.100.77", "[::ffff:198.51.100.77]"]) {
      expect([spelling, limitSubject(spelling)]).toEqual([spelling, "198.51.100.77"])
    }
    expect(limitSubject("198.51.100.78")).toBe("198.51.100.78")
    expect(normaliseAddress("::ffff:c633:644d")).toBe("198.51.100.77")
  })

  it("leaves what is no address alone", () => {
    expect(limitSubject("unknown")).toBe("unknown")
  })
})
