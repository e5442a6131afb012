const { MetadataStorage } = require("@mikro-orm/core")

MetadataStorage.clear()

// The HTTP specs play a reverse proxy on loopback: they set X-Forwarded-For to simulate
// visitors with different addresses. Real deployments list their proxies in TRUSTED_PROXIES;
// security-limits.spec.ts changes this per test to show what an untrusted client can do.
if (process.env.TRUSTED_PROXIES === undefined) process.env.TRUSTED_PROXIES = "loopback"
