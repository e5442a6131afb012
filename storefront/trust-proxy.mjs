/**
 * TRUST_PROXY as Express means it (`app.set("trust proxy", …)`): a number of hops ("1"), true/false,
 * or addresses and names ("loopback", "10.0.0.2"). Express reads the string "1" as an address
 * (trusting nothing) and throws on "false", so they are converted here.
 *
 * Unset: no proxy is trusted, so the visitor's address is the socket's and `X-Forwarded-For`
 * is ignored. (It used to be "loopback": anyone whose connection reached the shop over loopback,
 * e.g. `npm start` with visitors connecting directly through a port forward, or a local process,
 * could write any `X-Forwarded-For` and get a fresh rate-limit budget for sign-in and
 * registration with every request.) Trusting a proxy on this machine is an explicit
 * `TRUST_PROXY=loopback`.
 */
export function trustProxySetting(raw = "") {
  const value = String(raw ?? "").trim();
  if (!value) return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
  return value;
}
