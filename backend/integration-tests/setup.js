const { MetadataStorage } = require("@mikro-orm/core")

MetadataStorage.clear()

// The HTTP specs play a reverse proxy on loopback: they set X-Forwarded-For to simulate
// visitors with different addresses. Real deployments list their proxies in TRUSTED_PROXIES;
// security-limits.spec.ts changes this per test to show what an untrusted client can do.
if (process.env.TRUSTED_PROXIES === undefined) process.env.TRUSTED_PROXIES = "loopback"

// Every spec checks out from loopback, most with one e-mail address: far more orders than a shopper
// places in an hour. security-orders.spec.ts sets the real budgets (api/middlewares/checkout-limits.ts).
// New carts likewise (CART_LIMIT_PER_ADDRESS): security-third-look.spec.ts tests the shipped budget.
for (const name of ["ORDER_LIMIT_PER_ADDRESS", "ORDER_LIMIT_PER_EMAIL", "ORDER_LIMIT_PER_EMAIL_DAY", "CART_LIMIT_PER_ADDRESS"]) {
  if (process.env[name] === undefined) process.env[name] = "10000"
}
