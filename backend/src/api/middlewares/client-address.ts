/**
 * Who is the client? The address every rate limit is keyed by.
 *
 * Not `req.ip`: Medusa sets Express's `trust proxy` to 1, so `req.ip` is whatever the
 * last X-Forwarded-For entry says, and anyone who talks to the backend directly can
 * choose it (a fresh budget per request). Instead:
 *
 * 1. Start at the socket's address. Walk X-Forwarded-For right to left only while the
 *    current hop is one of the operator's TRUSTED_PROXIES; the first untrusted hop is
 *    the client. Entries a client wrote itself sit to the left of that and are never read.
 * 2. The storefront renders pages on its own server, so every sign-in through the shop
 *    reaches the backend from the storefront's address. It passes the visitor's address
 *    in CLIENT_ADDRESS_HEADER, signed with CLIENT_IP_SECRET (HMAC-SHA256 over address and
 *    time, valid SIGNATURE_MAX_AGE_SECONDS). A valid signature wins; anything else in that
 *    header is ignored, so a forged header gains nothing.
 * 3. An IPv6 client counts as its /64 (limitSubject): one home connection holds a whole /64.
 */
import crypto from "node:crypto"
import { BlockList, isIP } from "node:net"
import type { MedusaRequest } from "@medusajs/framework/http"
import { readClientAddressSettings, type TrustedProxy } from "../../config/env"

export const CLIENT_ADDRESS_HEADER = "x-bp-client-address"
/** Long enough for clock skew between two servers, short enough that a leaked header soon expires. */
export const SIGNATURE_MAX_AGE_SECONDS = 60

/** The eight 16-bit groups of an IPv6 address in any spelling; undefined when it is not one. */
export function ipv6Groups(address: string): number[] | undefined {
  if (isIP(address) !== 6) return undefined
  let canonical: string
  try {
    // WHATWG URL writes IPv6 one way: lower case, zeros compressed, an IPv4 tail as two hex groups
    canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1)
  } catch {
    return undefined
  }
  const [head, tail] = canonical.split("::")
  const left = head ? head.split(":") : []
  const right = tail ? tail.split(":") : []
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right]
  return groups.length === 8 ? groups.map((group) => parseInt(group, 16)) : undefined
}

/**
 * One client, one spelling: brackets and an IPv6 zone (`%eth0`) dropped, lower case, and IPv4
 * clients on a dual-stack socket (`::ffff:1.2.3.4`, also written `::ffff:102:304` or
 * `0:0:0:0:0:ffff:1.2.3.4`) as plain IPv4.
 */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "").toLowerCase()
  const groups = ipv6Groups(trimmed)
  if (groups && groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6)
    return [high >> 8, high & 255, low >> 8, low & 255].join(".")
  }
  return trimmed
}

const LOOPBACK = new BlockList()
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4")
LOOPBACK.addAddress("::1", "ipv6")

/**
 * Who a limit counts: an IPv4 address, or an IPv6 address's /64. One home connection or one
 * server gets a whole /64 (2^64 addresses), so keying by the full IPv6 address would give
 * one visitor a fresh budget per request. `2001:db8:1:2::/64`.
 */
export function limitSubject(address: string): string {
  const normalised = normaliseAddress(address)
  // One machine: a client on it reaches a dual-stack server over ::1 or 127.0.0.1 as it likes
  // (browsers race both for "localhost"), so every loopback address is one budget.
  const version = isIP(normalised)
  if (version !== 0 && LOOPBACK.check(normalised, version === 6 ? "ipv6" : "ipv4")) return "loopback"
  const groups = ipv6Groups(normalised)
  return groups ? `${groups.slice(0, 4).map((group) => group.toString(16)).join(":")}::/64` : normalised
}

export function trustedProxyList(entries: TrustedProxy[]): BlockList {
  const list = new BlockList()
  for (const entry of entries) list.addSubnet(entry.address, entry.prefix, entry.family)
  return list
}

function isTrusted(list: BlockList, address: string): boolean {
  const version = isIP(address)
  return version !== 0 && list.check(address, version === 4 ? "ipv4" : "ipv6")
}

/** Step 1: the client as the trusted proxies report it. */
export function addressBehindProxies(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList): string {
  let client = normaliseAddress(socketAddress ?? "unknown")
  if (!isTrusted(trusted, client)) return client
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor ?? ""
  const hops = header.split(",").map(normaliseAddress).filter(Boolean)
  for (const hop of hops.reverse()) {
    // A malformed entry written by a trusted proxy's client: the last good hop is all we know.
    if (!isIP(hop)) return client
    client = hop
    if (!isTrusted(trusted, client)) return client
  }
  return client
}

function signature(secret: string, address: string, timestamp: string): string {
  return crypto.createHmac("sha256", secret).update(`${address}\n${timestamp}`).digest("hex")
}

/** The header value the storefront sends: `<address> <unix seconds> <hex HMAC>`. */
export function signClientAddress(address: string, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const normalised = normaliseAddress(address)
  return `${normalised} ${nowSeconds} ${signature(secret, normalised, String(nowSeconds))}`
}

/** Step 2: the address in a signed header, or undefined when it is absent, stale or forged. */
export function verifiedClientAddress(
  header: string | string[] | undefined,
  secret: string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000)
): string | undefined {
  if (!secret || typeof header !== "string" || header.length > 200) return undefined
  const [address = "", timestamp = "", given = "", extra] = header.trim().split(" ")
  if (extra !== undefined || !address || !/^\d{1,12}$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(given)) return undefined
  if (!isIP(address) || Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_MAX_AGE_SECONDS) return undefined
  const expected = Buffer.from(signature(secret, address, timestamp), "hex")
  return crypto.timingSafeEqual(expected, Buffer.from(given, "hex")) ? normaliseAddress(address) : undefined
}

type Settings = { trusted: BlockList; secret?: string }
let cached: { raw: string; settings: Settings } | undefined

/**
 * TRUSTED_PROXIES and CLIENT_IP_SECRET as validated by env.ts (medusa-config refuses bad values
 * at start), read through env.ts on each request; the block list is rebuilt only when they change.
 */
function settings(): Settings {
  const { trustedProxies, clientIpSecret } = readClientAddressSettings()
  const raw = `${JSON.stringify(trustedProxies)}\u0000${clientIpSecret ?? ""}`
  if (cached?.raw !== raw) {
    cached = { raw, settings: { trusted: trustedProxyList(trustedProxies), secret: clientIpSecret } }
  }
  return cached.settings
}

/** The client for rate limits (see the top of this file): an IPv4 address or an IPv6 /64. */
export function clientAddress(req: Pick<MedusaRequest, "headers" | "socket">): string {
  const { trusted, secret } = settings()
  return limitSubject(
    verifiedClientAddress(req.headers[CLIENT_ADDRESS_HEADER], secret) ??
      addressBehindProxies(req.socket?.remoteAddress, req.headers["x-forwarded-for"], trusted)
  )
}
