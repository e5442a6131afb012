import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createStoresWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { readBackendEnv, readShopSettings } from "../config/env"
import { MANAGED_PAYMENT_PROVIDER_IDS, regionPaymentProviders } from "../config/modules"
import { CATEGORIES, PRODUCTS, SHIPPING, type SeedProduct, type ShippingKind } from "./catalogue"
import { ensureTierPrices } from "./tier-prices"

/**
 * Idempotent seed: every part looks up what it would create and creates only
 * what is missing, so running it twice (or after a partial run) changes nothing.
 */

export const SHOP = {
  storeName: "Buurtpreventie Shop",
  salesChannel: "Webwinkel",
  publishableKeyTitle: "Storefront",
  stockLocation: "Magazijn Utrecht",
  fulfillmentSet: "Verzending vanuit Utrecht",
  profiles: { pakket: "Pakketpost", brievenbus: "Brievenbuspost" } as Record<ShippingKind, string>,
  regions: [
    { name: "Nederland", country: "nl", taxCode: "NL-BTW-21" },
    { name: "België", country: "be", taxCode: "BE-BTW-21" },
  ],
}

type Logger = { info: (msg: string) => void }

export type SeedOptions = {
  storefrontUrl?: string
  /** Payment providers per region country; default: what src/config/modules.ts registers for this environment. */
  paymentProviders?: Record<string, string[]>
}

export async function seedShop(container: MedusaContainer, options: SeedOptions = {}) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER) as Logger
  const storefrontUrl = (options.storefrontUrl ?? readShopSettings().storefrontUrl).replace(/\/$/, "")

  const salesChannelId = await ensureSalesChannel(container)
  await ensureStore(container, salesChannelId)
  await ensurePublishableKey(container, salesChannelId)
  const regionIds = await ensureRegions(container)
  await ensureRegionPaymentProviders(container, regionIds, options.paymentProviders ?? regionPaymentProviders(readBackendEnv()))
  await ensureTaxRegions(container)
  const locationId = await ensureStockLocation(container, salesChannelId)
  const profileIds = await ensureShippingProfiles(container)
  await ensureShipping(container, locationId, profileIds)
  const categoryIds = await ensureCategories(container)
  const created = await ensureProducts(container, { salesChannelId, profileIds, categoryIds, storefrontUrl })
  await ensureStock(container, locationId)
  await ensureTierPrices(container)

  logger.info(
    `Seed complete: ${Object.keys(regionIds).length} regions, ${CATEGORIES.length} categories, ${PRODUCTS.length} products (${created} new)`
  )
}

async function ensureSalesChannel(container: MedusaContainer): Promise<string> {
  const service = container.resolve(Modules.SALES_CHANNEL)
  const [existing] = await service.listSalesChannels({ name: SHOP.salesChannel })
  if (existing) return existing.id
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: SHOP.salesChannel, description: "De webwinkel (storefront)" }] },
  })
  return result[0].id
}

async function ensureStore(container: MedusaContainer, salesChannelId: string) {
  const service = container.resolve(Modules.STORE)
  const [store] = await service.listStores({}, { relations: ["supported_currencies"] })
  const currencies = [{ currency_code: "eur", is_default: true, is_tax_inclusive: true }]
  if (!store) {
    await createStoresWorkflow(container).run({
      input: {
        stores: [{ name: SHOP.storeName, supported_currencies: currencies, default_sales_channel_id: salesChannelId }],
      },
    })
    return
  }
  const hasEur = store.supported_currencies?.some((c) => c.currency_code === "eur" && c.is_default)
  if (store.name === SHOP.storeName && hasEur && store.default_sales_channel_id === salesChannelId) return
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: { name: SHOP.storeName, supported_currencies: currencies, default_sales_channel_id: salesChannelId },
    },
  })
}

async function ensurePublishableKey(container: MedusaContainer, salesChannelId: string) {
  const service = container.resolve(Modules.API_KEY)
  const keys = await service.listApiKeys({ title: SHOP.publishableKeyTitle, type: "publishable" })
  let keyId = keys.find((k) => !k.revoked_at)?.id
  if (!keyId) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: SHOP.publishableKeyTitle, type: "publishable", created_by: "" }] },
    })
    keyId = result[0].id
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "api_key",
    fields: ["id", "sales_channels.id"],
    filters: { id: keyId },
  })
  const linked = (data[0]?.sales_channels ?? []).some((sc: { id: string } | null) => sc?.id === salesChannelId)
  if (!linked) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: keyId, add: [salesChannelId] } })
  }
}

async function ensureRegions(container: MedusaContainer): Promise<Record<string, string>> {
  const service = container.resolve(Modules.REGION)
  const ids: Record<string, string> = {}
  for (const region of SHOP.regions) {
    const [existing] = await service.listRegions({ name: region.name })
    if (existing) {
      ids[region.country] = existing.id
      continue
    }
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: region.name,
            currency_code: "eur",
            countries: [region.country],
            automatic_taxes: true,
            is_tax_inclusive: true,
            payment_providers: ["pp_system_default"],
          },
        ],
      },
    })
    ids[region.country] = result[0].id
  }
  return ids
}

/**
 * Links the payment providers this configuration registers to each region (Nederland:
 * card, iDEAL and manual; België: card, Bancontact and manual; manual only without
 * Stripe). Only providers the Payment Module has enabled are linked; links to our own
 * providers that this configuration no longer registers (Stripe removed) are dropped,
 * and links staff added to other providers are kept. Runs on every start (`npm start`
 * re-runs the seed), so adding STRIPE_API_KEY later is enough to offer Stripe.
 */
async function ensureRegionPaymentProviders(
  container: MedusaContainer,
  regionIds: Record<string, string>,
  wantedByCountry: Record<string, string[]>
) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER) as Logger
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const payment = container.resolve(Modules.PAYMENT)
  const { data: regions } = await query.graph({
    entity: "region",
    fields: ["id", "payment_providers.id"],
    filters: { id: Object.values(regionIds) },
  })
  const current = new Map<string, string[]>(
    regions.map((r: any) => [r.id, (r.payment_providers ?? []).filter(Boolean).map((p: { id: string }) => p.id)])
  )
  const candidates = [...new Set([...Object.values(wantedByCountry).flat(), ...[...current.values()].flat()])]
  const enabled = new Set(
    (await payment.listPaymentProviders({ id: candidates, is_enabled: true }, { select: ["id"] })).map((p) => p.id)
  )

  for (const [country, regionId] of Object.entries(regionIds)) {
    const wanted = (wantedByCountry[country] ?? []).filter((id) => enabled.has(id))
    const missing = (wantedByCountry[country] ?? []).filter((id) => !enabled.has(id))
    if (missing.length) logger.info(`Seed: payment providers not registered, not offered in ${country}: ${missing.join(", ")}`)
    const linked = current.get(regionId) ?? []
    const kept = linked.filter((id) => !MANAGED_PAYMENT_PROVIDER_IDS.includes(id) && enabled.has(id))
    const desired = [...new Set([...wanted, ...kept])]
    const same = desired.length === linked.length && desired.every((id) => linked.includes(id))
    if (same) continue
    await updateRegionsWorkflow(container).run({
      input: { selector: { id: regionId }, update: { payment_providers: desired } },
    })
  }
}

async function ensureTaxRegions(container: MedusaContainer) {
  const service = container.resolve(Modules.TAX)
  const existing = await service.listTaxRegions({ country_code: SHOP.regions.map((r) => r.country) })
  const missing = SHOP.regions.filter((r) => !existing.some((t) => t.country_code === r.country && !t.parent_id))
  if (!missing.length) return
  await createTaxRegionsWorkflow(container).run({
    input: missing.map((r) => ({
      country_code: r.country,
      provider_id: "tp_system",
      default_tax_rate: { rate: 21, code: r.taxCode, name: "btw 21%" },
    })),
  })
}

async function ensureStockLocation(container: MedusaContainer, salesChannelId: string): Promise<string> {
  const service = container.resolve(Modules.STOCK_LOCATION)
  const [existing] = await service.listStockLocations({ name: SHOP.stockLocation })
  if (existing) return existing.id
  const { result } = await createStockLocationsWorkflow(container).run({
    input: {
      locations: [
        {
          name: SHOP.stockLocation,
          address: { address_1: "Europalaan 100", postal_code: "3526 KS", city: "Utrecht", country_code: "NL" },
        },
      ],
    },
  })
  const location = result[0]
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: location.id, add: [salesChannelId] },
  })
  return location.id
}

async function ensureShippingProfiles(container: MedusaContainer): Promise<Record<ShippingKind, string>> {
  const service = container.resolve(Modules.FULFILLMENT)
  const ids = {} as Record<ShippingKind, string>
  for (const [kind, name] of Object.entries(SHOP.profiles) as [ShippingKind, string][]) {
    const [existing] = await service.listShippingProfiles({ name })
    if (existing) {
      ids[kind] = existing.id
      continue
    }
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name, type: kind === "pakket" ? "default" : "brievenbus" }] },
    })
    ids[kind] = result[0].id
  }
  return ids
}

async function ensureShipping(container: MedusaContainer, locationId: string, profileIds: Record<ShippingKind, string>) {
  const service = container.resolve(Modules.FULFILLMENT)
  let [fulfillmentSet] = await service.listFulfillmentSets({ name: SHOP.fulfillmentSet }, { relations: ["service_zones"] })
  if (!fulfillmentSet) {
    fulfillmentSet = await service.createFulfillmentSets({
      name: SHOP.fulfillmentSet,
      type: "shipping",
      service_zones: SHOP.regions.map((r) => ({
        name: r.name,
        geo_zones: [{ country_code: r.country, type: "country" as const }],
      })),
    })
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    })
  }

  const existing = await service.listShippingOptions({})
  const inStore = [
    { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
    { attribute: "is_return", value: "false", operator: "eq" as const },
  ]
  const wanted = SHOP.regions.flatMap((region) => {
    const zone = fulfillmentSet.service_zones.find((z) => z.name === region.name)!
    const rates = SHIPPING[region.country as keyof typeof SHIPPING]
    const option = (kind: ShippingKind, name: string, description: string, code: string) => ({
      name,
      price_type: "flat" as const,
      provider_id: "manual_manual",
      service_zone_id: zone.id,
      shipping_profile_id: profileIds[kind],
      type: { label: name, description, code },
      prices: [
        { currency_code: "eur", amount: rates[kind] },
        // Free shipping from the threshold (item total incl. btw).
        { currency_code: "eur", amount: 0, rules: [{ attribute: "item_total", operator: "gte" as const, value: rates.freeFrom }] },
      ],
      rules: inStore,
    })
    return [
      option("pakket", `Pakket ${region.name}`, `Borden en pakketten, gratis vanaf € ${rates.freeFrom}`, `pakket-${region.country}`),
      option("brievenbus", `Brievenbuspost ${region.name}`, "Alleen stickers, past door de brievenbus", `brievenbus-${region.country}`),
    ]
  })
  const missing = wanted.filter((w) => !existing.some((e) => e.name === w.name))
  if (missing.length) {
    await createShippingOptionsWorkflow(container).run({ input: missing })
  }
}

async function ensureCategories(container: MedusaContainer): Promise<Record<string, string>> {
  const service = container.resolve(Modules.PRODUCT)
  const existing = await service.listProductCategories({ handle: CATEGORIES.map((c) => c.handle) })
  const missing = CATEGORIES.filter((c) => !existing.some((e) => e.handle === c.handle))
  const created = missing.length
    ? (
        await createProductCategoriesWorkflow(container).run({
          input: {
            product_categories: missing.map((c, i) => ({
              name: c.name,
              handle: c.handle,
              description: c.description,
              is_active: true,
              rank: CATEGORIES.indexOf(c) ?? i,
            })),
          },
        })
      ).result
    : []
  return Object.fromEntries([...existing, ...created].map((c) => [c.handle, c.id]))
}

async function ensureProducts(
  container: MedusaContainer,
  ctx: {
    salesChannelId: string
    profileIds: Record<ShippingKind, string>
    categoryIds: Record<string, string>
    storefrontUrl: string
  }
): Promise<number> {
  const service = container.resolve(Modules.PRODUCT)
  // Deleted ones count as existing: a product staff deleted stays deleted (its SKUs'
  // inventory items remain, so creating it again would fail anyway).
  const existing = await service.listProducts({ handle: PRODUCTS.map((p) => p.handle) }, { select: ["handle"], withDeleted: true })
  const missing = PRODUCTS.filter((p) => !existing.some((e) => e.handle === p.handle))
  // Products without kits first: kits point at the inventory items of their parts.
  const simple = missing.filter((p) => !p.variants.some((v) => v.kit))
  const kits = missing.filter((p) => p.variants.some((v) => v.kit))
  if (simple.length) await createProducts(container, simple, ctx, {})
  if (kits.length) await createProducts(container, kits, ctx, await inventoryItemIdsBySku(container))
  return missing.length
}

async function createProducts(
  container: MedusaContainer,
  products: SeedProduct[],
  ctx: Parameters<typeof ensureProducts>[1],
  itemIdsBySku: Record<string, string>
) {
  await createProductsWorkflow(container).run({
    input: {
      products: products.map((p) => ({
        title: p.title,
        subtitle: p.subtitle,
        handle: p.handle,
        description: p.description,
        material: p.material,
        status: ProductStatus.PUBLISHED,
        category_ids: [ctx.categoryIds[p.category]],
        shipping_profile_id: ctx.profileIds[p.shipping],
        thumbnail: `${ctx.storefrontUrl}/images/products/${p.image}`,
        images: [{ url: `${ctx.storefrontUrl}/images/products/${p.image}` }],
        weight: Math.max(...p.variants.map((v) => v.weight)),
        options: p.options,
        sales_channels: [{ id: ctx.salesChannelId }],
        variants: p.variants.map((v) => ({
          title: v.title,
          sku: v.sku,
          options: v.options,
          weight: v.weight,
          manage_inventory: true,
          allow_backorder: false,
          prices: [{ amount: v.price, currency_code: "eur" }],
          ...(v.kit && {
            inventory_items: v.kit.map((part) => {
              const id = itemIdsBySku[part.sku]
              if (!id) throw new Error(`Seed: kit ${v.sku} needs part ${part.sku}, which has no inventory item`)
              return { inventory_item_id: id, required_quantity: part.quantity }
            }),
          }),
        })),
      })),
    },
  })
}

async function inventoryItemIdsBySku(container: MedusaContainer): Promise<Record<string, string>> {
  const service = container.resolve(Modules.INVENTORY)
  const items = await service.listInventoryItems({}, { select: ["id", "sku"] })
  return Object.fromEntries(items.filter((i) => i.sku).map((i) => [i.sku!, i.id]))
}

/** Gives every inventory item that has no level at the warehouse its starting stock. */
async function ensureStock(container: MedusaContainer, locationId: string) {
  const service = container.resolve(Modules.INVENTORY)
  const stockBySku = Object.fromEntries(
    PRODUCTS.flatMap((p) => p.variants).filter((v) => !v.kit).map((v) => [v.sku, v.stock ?? 0])
  )
  const items = await service.listInventoryItems({ sku: Object.keys(stockBySku) }, { select: ["id", "sku"] })
  const levels = await service.listInventoryLevels({ location_id: locationId }, { select: ["inventory_item_id"] })
  const missing = items.filter((i) => !levels.some((l) => l.inventory_item_id === i.id))
  if (!missing.length) return
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: missing.map((i) => ({
        location_id: locationId,
        inventory_item_id: i.id,
        stocked_quantity: stockBySku[i.sku!] ?? 0,
      })),
    },
  })
}
