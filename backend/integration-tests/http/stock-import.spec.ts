/**
 * Bulk stock update by CSV (POST /admin/stock-import): a preview that writes nothing,
 * the write itself, and all or nothing: any invalid line (unknown SKU, negative
 * quantity, …) means nothing is written, and a failure after the write undoes it.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { Modules } from "@medusajs/framework/utils"
import { seedShop } from "../../src/seed/seed-shop"
import { importStockWorkflow } from "../../src/workflows/stock/import-stock"
import { adminHeaders } from "../utils/admin"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

const MAIL_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bp-mail-stock-import-"))
process.env.MAIL_DIR = MAIL_DIR
// Low-stock alerts are another suite's subject; with threshold 0 the small counts here stay quiet.
process.env.LOW_STOCK_THRESHOLD = "0"
delete process.env.STRIPE_API_KEY
delete process.env.STRIPE_API_BASE_URL
afterAll(() => fs.rmSync(MAIL_DIR, { recursive: true, force: true }))

// A step after the write that fails on demand: proves the write is undone (compensation).
let failAfterWrite = false
importStockWorkflow.hooks.stockImported(({ result }) => {
  if (failAfterWrite && result.written) throw new Error("Simulated failure after the stock was written")
})

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }

    // Seeded once: the runner snapshots the database after beforeAll and restores it before each test.
    beforeAll(() => seedShop(getContainer(), { storefrontUrl: "http://shop.test" }))
    beforeEach(async () => {
      failAfterWrite = false
      admin = await adminHeaders(api, getContainer())
    })

    /** Stocked quantity per SKU at the warehouse. */
    async function stock(...skus: string[]): Promise<Record<string, number>> {
      const inventory = getContainer().resolve(Modules.INVENTORY)
      const items = await inventory.listInventoryItems({ sku: skus })
      const levels = await inventory.listInventoryLevels({ inventory_item_id: items.map((i) => i.id) })
      return Object.fromEntries(
        items.map((i) => [i.sku, levels.filter((l) => l.inventory_item_id === i.id).reduce((sum, l) => sum + Number(l.stocked_quantity), 0)])
      )
    }

    const post = (body: unknown, query = "") => api.post(`/admin/stock-import${query}`, body, admin).catch((e: any) => e.response)

    const SEEDED = { "BORD-WAB-3045-ALU": 180, "STK-RAAM-1015-BIN": 2500, "KLEM-048": 300 }

    it("dry run previews (Dutch Excel, semicolons) and writes nothing; the import then sets the stocked quantities", async () => {
      const csv = "\uFEFFsku;quantity;location\r\nBORD-WAB-3045-ALU;150;Magazijn Utrecht\r\nSTK-RAAM-1015-BIN;2500;\r\nKLEM-048;320;\r\n;;\r\n"

      const preview = await post({ csv, dry_run: true })
      expect(preview.status).toBe(200)
      expect(preview.data).toMatchObject({ dry_run: true, written: false, delimiter: ";", errors: [], summary: { rows: 3, changed: 2, unchanged: 1, errors: 0 } })
      expect(preview.data.rows.map((r: any) => [r.line, r.sku, r.product_title, r.variant_title, r.location_name, r.current_quantity, r.new_quantity, r.difference])).toEqual([
        [2, "BORD-WAB-3045-ALU", "Straatbord WhatsApp-buurtpreventie", "30 x 45 cm / Aluminium 1,5 mm", "Magazijn Utrecht", 180, 150, -30],
        [3, "STK-RAAM-1015-BIN", "Raamsticker WhatsApp-buurtpreventie", "10 x 15 cm / Binnenkant raam", "Magazijn Utrecht", 2500, 2500, 0],
        [4, "KLEM-048", "Bevestigingsklem voor paal (set van 2)", "48 mm", "Magazijn Utrecht", 300, 320, 20],
      ])
      expect(await stock(...Object.keys(SEEDED))).toEqual(SEEDED)
      // ?dry_run=true works the same.
      expect((await post({ csv }, "?dry_run=true")).data.written).toBe(false)
      expect(await stock(...Object.keys(SEEDED))).toEqual(SEEDED)

      const written = await post({ csv })
      expect(written.status).toBe(200)
      expect(written.data).toMatchObject({ dry_run: false, written: true, summary: { changed: 2 } })
      expect(await stock(...Object.keys(SEEDED))).toEqual({ "BORD-WAB-3045-ALU": 150, "STK-RAAM-1015-BIN": 2500, "KLEM-048": 320 })

      // Commas work too; importing the same numbers again changes nothing.
      const again = await post({ csv: "sku,quantity\nBORD-WAB-3045-ALU,150\n" })
      expect(again.data).toMatchObject({ written: false, delimiter: ",", summary: { rows: 1, changed: 0, unchanged: 1 } })
    })

    it("any invalid line (unknown SKU, negative or broken quantity, duplicate, missing column) writes nothing and says which line", async () => {
      const csv = [
        "sku;quantity",
        "BORD-WAB-3045-ALU;10", // valid, but must not be written
        "BESTAAT-NIET;5",
        "STK-RAAM-1015-BIN;-4",
        "KLEM-048;12,5",
        "BORD-WAB-3045-ALU;11",
        "KLEM-060",
        "PAKKET-STARTER;3",
      ].join("\n")
      const res = await post({ csv })
      expect(res.status).toBe(400)
      expect(res.data.type).toBe("invalid_data")
      expect(res.data.message).toBe("6 fouten in de CSV; er is niets opgeslagen")
      expect(res.data.written).toBe(false)
      expect(res.data.errors).toEqual([
        { line: 3, sku: "BESTAAT-NIET", message: 'Onbekende SKU "BESTAAT-NIET"' },
        { line: 4, sku: "STK-RAAM-1015-BIN", message: "Aantal -4 is negatief: gebruik 0 of meer" },
        { line: 5, sku: "KLEM-048", message: 'Aantal "12,5" is geen heel getal' },
        { line: 6, sku: "BORD-WAB-3045-ALU", message: "SKU BORD-WAB-3045-ALU staat dubbel in het bestand (ook op regel 2)" },
        { line: 7, sku: "KLEM-060", message: "Kolom quantity ontbreekt op deze regel" },
        { line: 8, sku: "PAKKET-STARTER", message: "SKU PAKKET-STARTER is een pakket zonder eigen voorraad: werk de voorraad van de onderdelen bij" },
      ])
      expect(await stock(...Object.keys(SEEDED), "KLEM-060")).toEqual({ ...SEEDED, "KLEM-060": 300 })

      const header = await post({ csv: "artikel;aantal\nBORD-WAB-3045-ALU;1" })
      expect(header.status).toBe(400)
      expect(header.data.errors).toEqual([{ line: 1, message: expect.stringMatching(/^Kopregel mist de kolom sku:/) }])
    })

    it("a failure after the write undoes it: the stock is what it was", async () => {
      failAfterWrite = true
      const res = await post({ csv: "sku,quantity\nBORD-WAB-3045-ALU,1\nKLEM-048,2\n" })
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(await stock(...Object.keys(SEEDED))).toEqual(SEEDED)

      failAfterWrite = false
      expect((await post({ csv: "sku,quantity\nBORD-WAB-3045-ALU,1\nKLEM-048,2\n" })).status).toBe(200)
      expect(await stock("BORD-WAB-3045-ALU", "KLEM-048")).toEqual({ "BORD-WAB-3045-ALU": 1, "KLEM-048": 2 })
    })

    it("needs a staff login and CSV text", async () => {
      const anonymous = await api.post("/admin/stock-import", { csv: "sku,quantity\nKLEM-048,1" }).catch((e: any) => e.response)
      expect(anonymous.status).toBe(401)
      for (const body of [{}, { csv: "" }, { csv: 12 }, { csv: "sku,quantity", dry_run: "ja" }]) {
        const res = await post(body)
        expect(res.status).toBe(400)
        expect(res.data.type).toBe("invalid_data")
      }
      expect(await stock("KLEM-048")).toEqual({ "KLEM-048": 300 })
    })
  },
})
