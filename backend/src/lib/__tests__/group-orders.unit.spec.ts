import { cartGroupFrom, cartGroupMetadata, clearedCartGroupMetadata, countSigns, signsPerUnit, type VariantForSigns } from "../group-orders"

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
