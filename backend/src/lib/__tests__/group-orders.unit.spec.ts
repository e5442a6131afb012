import {
  cartGroupFrom,
  cartGroupMetadata,
  clearedCartGroupMetadata,
  countGroupOrders,
  countSigns,
  signsPerUnit,
  stickersPerUnit,
  type VariantForSigns,
} from "../group-orders"

const inCategory = (id: string, handle: string): VariantForSigns => ({ id, product: { categories: [{ handle }] } })
const part = (variants: VariantForSigns[], required_quantity: number) => ({ required_quantity, inventory: { variants } })

describe("signsPerUnit", () => {
  const sign = inCategory("v_sign", "borden")
  const sticker = inCategory("v_sticker", "stickers")
  const clamp = inCategory("v_clamp", "bevestiging")

  it("a sign is one, stickers and clamps are none", () => {
    expect(signsPerUnit(sign)).toBe(1)
    expect(signsPerUnit({ ...sign, inventory_items: [part([sign], 1)] })).toBe(1)
    expect(signsPerUnit({ ...sticker, inventory_items: [part([sticker], 1)] })).toBe(0)
    expect(signsPerUnit(clamp)).toBe(0)
    expect(signsPerUnit({ id: "v_bare" })).toBe(0)
  })

  it("a package counts the units of sign inventory in its kit", () => {
    const kit: VariantForSigns = {
      ...inCategory("v_kit", "pakketten"),
      inventory_items: [part([sign, { id: "v_kit" }], 2), part([sticker, { id: "v_kit" }], 20), part([clamp], 2)],
    }
    expect(signsPerUnit(kit)).toBe(2)
    // Its own inventory item is not a sign just because the package is listed with it.
    expect(signsPerUnit({ ...inCategory("v_kit2", "pakketten"), inventory_items: [part([{ id: "v_kit2" }], 1)] })).toBe(0)
    expect(signsPerUnit({ ...inCategory("v_kit3", "pakketten"), inventory_items: [{ required_quantity: "4", inventory: { variants: [sign] } }] })).toBe(4)
  })
})

describe("stickersPerUnit", () => {
  const sign = inCategory("v_sign", "borden")
  const sticker = inCategory("v_sticker", "stickers")
  it("a sticker is one, a sign none, a package the sticker units in its kit", () => {
    expect(stickersPerUnit(sticker)).toBe(1)
    expect(stickersPerUnit(sign)).toBe(0)
    const kit: VariantForSigns = { ...inCategory("v_kit", "pakketten"), inventory_items: [part([sign], 2), part([sticker], 20)] }
    expect(stickersPerUnit(kit)).toBe(20)
  })
})

describe("countGroupOrders", () => {
  const perUnit = {
    signs: new Map([["v_sign", 1], ["v_kit", 2], ["v_sticker", 0]]),
    stickers: new Map([["v_sign", 0], ["v_kit", 20], ["v_sticker", 1]]),
  }
  it("counts orders, signs, stickers and units per product over orders that are not canceled", () => {
    const counts = countGroupOrders(
      [
        { status: "pending", items: [{ variant_id: "v_sticker", product_title: "Raamsticker", quantity: 1 }] },
        { status: "pending", items: [{ variant_id: "v_sticker", product_title: "Raamsticker", quantity: 2 }, { variant_id: "v_sign", product_title: "Straatbord", quantity: 1 }] },
        { status: "completed", items: [{ variant_id: "v_kit", product_title: "Starterspakket", detail: { quantity: 1 } }] },
        { status: "canceled", items: [{ variant_id: "v_sign", product_title: "Straatbord", quantity: 10 }] },
        null,
      ],
      perUnit
    )
    expect(counts).toEqual({
      orders: 3,
      signs: 3,
      stickers: 23,
      products: [
        { title: "Raamsticker", quantity: 3, orders: 2 },
        { title: "Starterspakket", quantity: 1, orders: 1 },
        { title: "Straatbord", quantity: 1, orders: 1 },
      ],
    })
    expect(countGroupOrders([], perUnit)).toEqual({ orders: 0, signs: 0, stickers: 0, products: [] })
  })
})

describe("countSigns", () => {
  const perUnit = new Map([
    ["v_sign", 1],
    ["v_kit", 2],
    ["v_sticker", 0],
  ])
  it("sums quantities × signs per unit over orders that are not canceled", () => {
    expect(
      countSigns(
        [
          { status: "pending", items: [{ variant_id: "v_sign", quantity: 3 }, { variant_id: "v_sticker", quantity: 50 }] },
          { status: "completed", items: [{ variant_id: "v_kit", detail: { quantity: "2" } }] },
          { status: "canceled", items: [{ variant_id: "v_sign", quantity: 10 }] },
          { status: "pending", items: [{ variant_id: null, quantity: 1 }, { variant_id: "v_unknown", quantity: 1 }, null] },
          null,
        ],
        perUnit
      )
    ).toBe(7)
    expect(countSigns([], perUnit)).toBe(0)
  })
})

describe("cart group metadata", () => {
  it("reads a complete group only, and clears with empty strings (Medusa's mergeMetadata deletes them)", () => {
    const group = { id: "nbgrp_1", slug: "lindelaan", name: "Lindelaan" }
    expect(cartGroupFrom(cartGroupMetadata(group))).toEqual(group)
    expect(cartGroupFrom({ ...cartGroupMetadata(group), note: "x" })).toEqual(group)
    expect(cartGroupFrom(null)).toBeNull()
    expect(cartGroupFrom({ group_id: "nbgrp_1" })).toBeNull()
    expect(cartGroupFrom({ group_id: 5, group_slug: "a", group_name: "b" })).toBeNull()
    expect(clearedCartGroupMetadata()).toEqual({ group_id: "", group_slug: "", group_name: "" })
  })
})
