/**
 * Finding groups through the store API: the demo seed (idempotent), postcode
 * search nearest first with distances, map bounding boxes, text and municipality
 * filters, pagination, and municipality pages that follow renames and mergers.
 */
import fs from "node:fs"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { REFERENCE_DATA_FIXTURE } from "../fixtures/reference-data"
import { seedShop } from "../../src/seed/seed-shop"
import { DEMO_MUNICIPALITIES, demoGroups, seedGroups } from "../../src/seed/seed-groups"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../src/modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../src/modules/neighbourhood-group/service"
import { parseGeonamesPostalCodes, type PostcodeAreaRow } from "../../src/modules/neighbourhood-group/reference-data/geonames"
import { distanceKm } from "../../src/modules/neighbourhood-group/utils/geo"
import { importReferenceDataWorkflow } from "../../src/workflows/groups/import-reference-data"
import { storeHeaders } from "../utils/checkout"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

const REFERENCE_FILE = REFERENCE_DATA_FIXTURE
const ROWS = parseGeonamesPostalCodes(fs.readFileSync(REFERENCE_FILE, "utf8"))
const DEMO = demoGroups()
/** The store shows a group's point rounded to 3 decimals (~100 m; PUBLIC_POINT_DECIMALS), staff the precise one. */
const round3 = (n: number) => Math.round(n * 1000) / 1000
const publicPoint = (g: { lat?: number | null; lng?: number | null }) => ({ lat: round3(g.lat!), lng: round3(g.lng!) })

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConnection }) => {
    let headers: { headers: Record<string, string> }
    const get = (url: string) => api.get(url, headers).catch((e: any) => e.response)
    const service = (): NeighbourhoodGroupModuleService => getContainer().resolve(NEIGHBOURHOOD_GROUP_MODULE)
    const importRows = (rows: PostcodeAreaRow[]) => importReferenceDataWorkflow(getContainer()).run({ input: { rows } })

    beforeAll(async () => {
      const container = getContainer()
      await seedShop(container, { storefrontUrl: "http://shop.test" })
      await importRows(ROWS)
      await seedGroups(container)
    })

    beforeEach(async () => {
      headers = await storeHeaders(getContainer())
    })

    describe("demo seed", () => {
      it("adds at least 150 approved fictional groups over 40+ real municipalities, and nothing when run again", async () => {
        const count = async () =>
          (await dbConnection.raw("select count(*)::int as count from neighbourhood_group")).rows[0].count as number
        expect(DEMO.length).toBeGreaterThanOrEqual(150)
        expect(DEMO_MUNICIPALITIES.length).toBeGreaterThanOrEqual(40)
        expect(await count()).toBe(DEMO.length)
        expect(await seedGroups(getContainer())).toEqual({ created: 0, total: DEMO.length })
        expect(await count()).toBe(DEMO.length)

        const { rows } = await dbConnection.raw(
          "select count(*) filter (where status = 'approved')::int as approved, count(distinct gemeente_code)::int as gemeenten, " +
            "bool_and(admin_email like '%@example.nl') as reserved_domain, bool_and(lat is not null and lng is not null) as located from neighbourhood_group"
        )
        expect(rows[0]).toEqual({ approved: DEMO.length, gemeenten: DEMO_MUNICIPALITIES.length, reserved_domain: true, located: true })
        const { data } = await get("/store/groups?limit=1")
        expect(data.count).toBe(DEMO.length)
      })
    })

    describe("GET /store/groups", () => {
      it("sorts the groups covering the postcode first, then by distance from its centre, nearest first", async () => {
        const { data } = await get("/store/groups?postcode=3581&limit=30")
        expect(data.origin).toEqual({ postcode: "3581", lat: 52.0904, lng: 5.1342, places: ["Utrecht"], gemeente: "Utrecht" })
        expect(data.count).toBe(DEMO.length)
        expect(data.groups).toHaveLength(30)
        // covering groups (the searched postcode is one of theirs) first, each block nearest first
        const covering = data.groups.findIndex((g: any) => !g.covers_postcode)
        expect(data.groups.slice(covering).every((g: any) => !g.covers_postcode)).toBe(true)
        for (const block of [data.groups.slice(0, covering), data.groups.slice(covering)]) {
          const distances = block.map((g: any) => g.distance_km)
          expect(distances).toEqual([...distances].sort((a: number, b: number) => a - b))
        }
        expect(data.groups.slice(0, 4).map((g: any) => g.gemeente)).toEqual(["Utrecht", "Utrecht", "Utrecht", "Utrecht"])
        for (const group of data.groups) {
          expect(group.distance_km).toBeCloseTo(distanceKm(data.origin, group), 1)
          expect(typeof group.covers_postcode).toBe("boolean")
        }
        // the nearest group outside Utrecht is further than the Utrecht ones
        expect(data.groups[4].distance_km).toBeGreaterThan(data.groups[3].distance_km)
      })

      it("takes a full postcode, and answers an unknown one with no groups and no origin", async () => {
        const full = await get("/store/groups?postcode=3581%20ab&limit=3")
        const pc4 = await get("/store/groups?postcode=3581&limit=3")
        expect(full.data.groups).toEqual(pc4.data.groups)
        expect(full.data.origin.postcode).toBe("3581")

        const unknown = await get("/store/groups?postcode=1000")
        expect(unknown.data).toEqual({ groups: [], count: 0, limit: 20, offset: 0, origin: null })

        const invalid = await get("/store/groups?postcode=12")
        expect(invalid.status).toBe(400)
        expect(invalid.data.errors.postcode).toBe("Vul een geldige postcode in, bijvoorbeeld 3581 of 3581 AB")
      })

      it("marks the groups that cover the postcode itself", async () => {
        const amsterdam = DEMO.find((g) => g.gemeente === "Amsterdam")!
        const { data } = await get(`/store/groups?postcode=${amsterdam.postcodes[0]}&limit=10`)
        const covering = data.groups.filter((g: any) => g.covers_postcode)
        expect(covering.map((g: any) => g.slug)).toContain(amsterdam.slug)
        for (const group of covering) expect(group.postcodes).toContain(amsterdam.postcodes[0])
      })

      it("limits to a map's bounding box", async () => {
        const bbox = [4.7, 52.25, 5.1, 52.45] // minLng, minLat, maxLng, maxLat: around Amsterdam
        // the box holds the public (rounded) point of each group
        const inside = DEMO.filter((g) => {
          const { lat, lng } = publicPoint(g)
          return lng >= bbox[0] && lat >= bbox[1] && lng <= bbox[2] && lat <= bbox[3]
        })
        expect(inside.length).toBeGreaterThan(3)
        const { data } = await get(`/store/groups?bbox=${bbox.join(",")}&limit=100`)
        expect(data.count).toBe(inside.length)
        expect(data.groups.map((g: any) => g.slug).sort()).toEqual(inside.map((g) => g.slug).sort())

        const wrong = await get("/store/groups?bbox=5,52,4,53")
        expect(wrong.status).toBe(400)
        expect(wrong.data.errors.bbox).toMatch(/^Geef bbox als minLng,minLat,maxLng,maxLat/)
      })

      it("pages with limit and offset, with the total count", async () => {
        const all = (await get("/store/groups?limit=30")).data
        const first = (await get("/store/groups?limit=15&offset=0")).data
        const second = (await get("/store/groups?limit=15&offset=15")).data
        expect(first.count).toBe(DEMO.length)
        expect(second.count).toBe(DEMO.length)
        expect([...first.groups, ...second.groups].map((g: any) => g.id)).toEqual(all.groups.map((g: any) => g.id))
        expect((await get(`/store/groups?offset=${DEMO.length}`)).data).toMatchObject({ groups: [], count: DEMO.length })
        expect((await get("/store/groups?limit=101")).status).toBe(400)
      })

      it("pages covering groups first, then nearest first, exactly as measuring every group would, also deep pages, filters and groups without a point", async () => {
        // One approved group without a point: it comes after every located group.
        const [unlocated] = await service().createNeighbourhoodGroups([
          {
            name: "Buurtpreventie Zonder Punt",
            slug: "buurtpreventie-zonder-punt",
            name_key: "zonder punt",
            search_text: "buurtpreventie zonder punt utrecht",
            gemeente: "Utrecht",
            gemeente_slug: "utrecht",
            woonplaats: "Utrecht",
            postcodes: ["3581"],
            member_count: 12,
            status: "approved",
            admin_name: "Test",
            admin_email: "zonder-punt@example.nl",
            admin_phone: "0612345678",
            accepted_rules: true,
          } as any,
        ])
        try {
          const origin = (await get("/store/groups?postcode=9711&limit=1")).data.origin // Groningen: far from most groups
          // measured from the public point, as the store does
          const located = DEMO.map((g) => ({ ...g, km: distanceKm(origin, publicPoint(g)) })).sort((a, b) => a.km - b.km)
          // the groups whose postcodes contain 9711 come first
          const covers = (g: { postcodes: string[] }) => g.postcodes.includes("9711")
          expect(located.some(covers)).toBe(true)
          const expected = [...located.filter(covers).map((g) => g.slug), ...located.filter((g) => !covers(g)).map((g) => g.slug), unlocated.slug]
          const total = expected.length

          for (const [offset, limit] of [[0, 20], [40, 30], [total - 25, 25], [total - 1, 10]]) {
            const { data } = await get(`/store/groups?postcode=9711&limit=${limit}&offset=${offset}`)
            expect(data.count).toBe(total)
            expect(data.groups.map((g: any) => g.slug)).toEqual(expected.slice(offset, offset + limit))
          }
          const last = (await get(`/store/groups?postcode=9711&limit=1&offset=${total - 1}`)).data.groups[0]
          expect(last).toMatchObject({ slug: unlocated.slug, distance_km: null })

          const utrecht = (await get("/store/groups?postcode=9711&gemeente=utrecht&limit=100")).data
          expect(utrecht.groups.map((g: any) => g.slug)).toEqual([
            ...located.filter((g) => g.gemeente === "Utrecht").map((g) => g.slug),
            unlocated.slug,
          ])
        } finally {
          await service().deleteNeighbourhoodGroups([unlocated.id])
        }
      })

      it("searches name, woonplaats and gemeente with q, ignoring case and accents", async () => {
        const { data } = await get("/store/groups?q=LINDENLAAN&limit=100")
        const expected = DEMO.filter((g) => g.name.includes("Lindenlaan"))
        expect(data.count).toBe(expected.length)
        expect(data.groups.every((g: any) => g.name.includes("Lindenlaan"))).toBe(true)

        const bosch = await get(`/store/groups?q=${encodeURIComponent("'s-Hértogenbosch")}`)
        expect(bosch.data.count).toBe(4)
        const combined = await get("/store/groups?q=zwolle%20buurtpreventie&limit=100")
        expect(combined.data.groups.every((g: any) => g.gemeente === "Zwolle" && /buurtpreventie/i.test(g.name))).toBe(true)
      })

      it("filters by gemeente, by slug or by name", async () => {
        const bySlug = await get("/store/groups?gemeente=s-hertogenbosch")
        const byName = await get(`/store/groups?gemeente=${encodeURIComponent("'s-Hertogenbosch")}`)
        expect(bySlug.data.count).toBe(4)
        expect(byName.data.groups).toEqual(bySlug.data.groups)
        expect(bySlug.data.groups.every((g: any) => g.gemeente === "'s-Hertogenbosch" && g.gemeente_code === "0796")).toBe(true)
      })

      it("shows one approved group by slug, and 404 for others", async () => {
        const demo = DEMO[0]
        const { data } = await get(`/store/groups/${demo.slug}`)
        expect(Object.keys(data.group).sort()).toEqual(
          ["approved_at", "gemeente", "gemeente_code", "gemeente_slug", "id", "lat", "lng", "member_count", "name", "postcodes", "signs_ordered", "slug", "stickers_ordered", "updated_at", "woonplaats"].sort()
        )
        expect(data.group).toMatchObject({ slug: demo.slug, name: demo.name, gemeente: demo.gemeente })
        // public precision: 3 decimals, within ~100 m of the precise point
        expect(data.group.lat).toBeCloseTo(demo.lat!, 2)
        expect(data.group.lng).toBeCloseTo(demo.lng!, 2)
        expect([data.group.lat, data.group.lng].map((n: number) => round3(n))).toEqual([data.group.lat, data.group.lng])
        const missing = await get("/store/groups/bestaat-niet")
        expect(missing.status).toBe(404)
        expect(missing.data.message).toBe('Groep "bestaat-niet" niet gevonden')
      })

      it("needs the publishable key, as every store route", async () => {
        const response = await api.get("/store/groups").catch((e: any) => e.response)
        expect(response.status).toBe(400)
      })

      it("works before any reference data is imported: the demo groups carry their own point and municipality", async () => {
        await service().clearReferenceData()
        const amsterdam = DEMO.find((g) => g.gemeente === "Amsterdam")!
        const { data } = await get(`/store/groups?postcode=${amsterdam.postcodes[0]}&limit=5`)
        expect(data.origin.postcode).toBe(amsterdam.postcodes[0])
        expect(data.groups[0].gemeente).toBe("Amsterdam")

        const page = await get("/store/municipalities/amsterdam")
        expect(page.data).toMatchObject({
          municipality: { name: "Amsterdam", slug: "amsterdam", code: "0363", group_count: 4 },
          redirect_to: null,
        })
        const list = await get("/store/municipalities?limit=500")
        expect(list.data.count).toBe(DEMO_MUNICIPALITIES.length)
      })
    })

    describe("municipalities", () => {
      it("shows a municipality with its groups, places and postcodes", async () => {
        const { data } = await get("/store/municipalities/utrecht")
        expect(data.redirect_to).toBeNull()
        expect(data.municipality).toMatchObject({ code: "0344", name: "Utrecht", slug: "utrecht", province: "Utrecht", group_count: 4, predecessors: [] })
        expect(data.municipality.places).toContain("Utrecht")
        expect(data.municipality.postcodes).toContain("3581")
        expect(data.municipality.lat).toBeCloseTo(52.09, 1)
        expect((await get("/store/municipalities/atlantis")).status).toBe(404)
      })

      it("lists current municipalities A–Z with group counts", async () => {
        const { data } = await get("/store/municipalities?limit=500")
        expect(data.count).toBe(57)
        const names = data.municipalities.map((m: any) => m.name)
        expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, "nl")))
        const withGroups = await get("/store/municipalities?with_groups=true&limit=500")
        expect(withGroups.data.count).toBe(DEMO_MUNICIPALITIES.length)
        expect(withGroups.data.municipalities.every((m: any) => m.group_count === 4)).toBe(true)
        const drenthe = await get("/store/municipalities?province=drenthe&limit=500")
        expect(drenthe.data.municipalities.every((m: any) => m.province === "Drenthe")).toBe(true)
      })

      it("follows a rename (same CBS code, new name) and a merger (code gone, postcodes moved) with redirect_to", async () => {
        const next = ROWS.map((row) => {
          if (row.municipality_code === "0518") return { ...row, municipality: "Den Haag" } // rename
          if (row.municipality_code === "0393") return { ...row, municipality: "Haarlemmermeer", municipality_code: "0394" } // merger
          return row
        })
        const { result } = await importRows(next)
        expect(result.municipalities.retired.sort((a, b) => a.slug.localeCompare(b.slug))).toEqual([
          { slug: "haarlemmerliede-en-spaarnwoude", renamed_to: "haarlemmermeer" },
          { slug: "s-gravenhage", renamed_to: "den-haag" },
        ])

        const renamed = await get("/store/municipalities/s-gravenhage")
        expect(renamed.data.redirect_to).toBe("den-haag")
        expect(renamed.data.municipality).toMatchObject({
          name: "Den Haag",
          slug: "den-haag",
          code: "0518",
          // the demo groups were registered under 's-Gravenhage and still count
          group_count: 4,
          predecessors: [{ name: "'s-Gravenhage", slug: "s-gravenhage" }],
        })
        expect((await get("/store/municipalities/den-haag")).data.redirect_to).toBeNull()
        expect((await get("/store/groups?gemeente=den-haag")).data.count).toBe(4)

        const merged = await get("/store/municipalities/haarlemmerliede-en-spaarnwoude")
        expect(merged.data.redirect_to).toBe("haarlemmermeer")
        expect(merged.data.municipality).toMatchObject({ name: "Haarlemmermeer", code: "0394" })
        expect(merged.data.municipality.postcodes).toEqual(
          expect.arrayContaining(ROWS.filter((r) => r.municipality_code === "0393").map((r) => r.pc4))
        )

        const list = (await get("/store/municipalities?limit=500")).data
        expect(list.count).toBe(56)
        const slugs = list.municipalities.map((m: any) => m.slug)
        expect(slugs).toContain("den-haag")
        expect(slugs).not.toContain("s-gravenhage")
        expect(list.municipalities.find((m: any) => m.slug === "den-haag").group_count).toBe(4)

        // renamed back a year later: the chain ends at the current name again
        await importRows(ROWS)
        expect((await get("/store/municipalities/den-haag")).data.redirect_to).toBe("s-gravenhage")
        expect((await get("/store/municipalities/s-gravenhage")).data.redirect_to).toBeNull()
      })
    })
  },
})
