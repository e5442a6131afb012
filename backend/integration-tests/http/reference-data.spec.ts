/**
 * The reference data import (GeoNames postal code format) into PostgreSQL: the real
 * file, malformed files refused with line numbers and nothing written, idempotent
 * re-imports, replacing a previous import, zip files, and downloads from a loopback
 * HTTP server (plain, zipped, timeout, offline).
 */
import fs from "node:fs"
import http from "node:http"
import type { AddressInfo } from "node:net"
import os from "node:os"
import path from "node:path"
import zlib from "node:zlib"
import { medusaIntegrationTestRunner } from "../utils/test-runner"
import { REFERENCE_DATA_FIXTURE } from "../fixtures/reference-data"
import importReferenceData, { readReferenceData } from "../../src/scripts/import-reference-data"
import { downloadGeonames } from "../../src/modules/neighbourhood-group/reference-data/download"
import { parseGeonamesPostalCodes, ReferenceDataError } from "../../src/modules/neighbourhood-group/reference-data/geonames"
import { NEIGHBOURHOOD_GROUP_MODULE } from "../../src/modules/neighbourhood-group"
import type NeighbourhoodGroupModuleService from "../../src/modules/neighbourhood-group/service"
import { storeHeaders } from "../utils/checkout"

jest.setTimeout(300 * 1000) // database setup (migrations, seed) on 2 shared cores can take minutes

const REFERENCE_FILE = REFERENCE_DATA_FIXTURE
const TEXT = fs.readFileSync(REFERENCE_FILE, "utf8")
const LINES = TEXT.replace(/\n$/, "").split("\n")
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), "bp-reference-data-"))

/** Writes `lines` (joined with newlines) to a temporary file and returns its path. */
function fileWith(name: string, lines: string[]): string {
  const file = path.join(TMP, name)
  fs.writeFileSync(file, lines.length ? `${lines.join("\n")}\n` : "")
  return file
}

/** The real file with line `n` (1-based) changed by `change(columns)`. */
function withLine(n: number, change: (columns: string[]) => string[] | string): string[] {
  return LINES.map((line, i) => {
    if (i !== n - 1) return line
    const changed = change(line.split("\t"))
    return typeof changed === "string" ? changed : changed.join("\t")
  })
}

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer, dbConnection }) => {
    const run = (...args: string[]) => importReferenceData({ container: getContainer(), args: ["--", ...args] } as any)
    const counts = async () => {
      const { rows } = await dbConnection.raw(
        "select (select count(*) from postcode_area)::int as areas, (select count(*) from municipality)::int as municipalities, " +
          "(select count(*) from municipality where retired_at is null)::int as active, " +
          "(select md5(string_agg(id || pc4 || place || municipality_code || lat || lng, ',' order by id)) from postcode_area) as checksum"
      )
      return rows[0] as { areas: number; municipalities: number; active: number; checksum: string | null }
    }

    describe("import", () => {
      it("imports the GeoNames file: 257 postcode areas and 57 municipalities with slugs and centres", async () => {
        const started = Date.now()
        const result = await run(REFERENCE_FILE)
        const seconds = (Date.now() - started) / 1000
        expect(result).toEqual({
          postcode_areas: { total: 257, created: 257, updated: 0, deleted: 0 },
          municipalities: { total: 57, created: 57, updated: 0, retired: [] },
        })
        expect(await counts()).toMatchObject({ areas: 257, municipalities: 57, active: 57 })
        expect(seconds).toBeLessThan(30)

        const { rows } = await dbConnection.raw(
          "select slug, name, code, province, lat, lng from municipality where code in ('0344', '0518', '0373', '0893') order by code"
        )
        expect(rows.map((r: any) => [r.code, r.name, r.slug, r.province])).toEqual([
          ["0344", "Utrecht", "utrecht", "Utrecht"],
          ["0373", "Bergen (NH.)", "bergen-nh", "Noord-Holland"],
          ["0518", "'s-Gravenhage", "s-gravenhage", "Zuid-Holland"],
          ["0893", "Bergen (L.)", "bergen-l", "Limburg"],
        ])
        // centre: the mean of its postcode areas
        const utrecht = LINES.map((l) => l.split("\t")).filter((c) => c[6] === "0344")
        const mean = (i: number) => utrecht.reduce((sum, c) => sum + Number(c[i]), 0) / utrecht.length
        expect(rows[0].lat).toBeCloseTo(mean(9), 4)
        expect(rows[0].lng).toBeCloseTo(mean(10), 4)

        // a PC4 that spans two municipalities is kept once for each
        const { rows: split } = await dbConnection.raw("select municipality from postcode_area where pc4 = '1724' order by municipality")
        expect(split.map((r: any) => r.municipality)).toEqual(["Langedijk", "Schagen"])

        // and the store API sees it
        const headers = await storeHeaders(getContainer()).catch(() => undefined)
        if (headers) expect((await api.get("/store/municipalities/bergen-nh", headers)).data.municipality.code).toBe("0373")
      })

      it("is idempotent: importing the same file again changes nothing (same rows, same ids)", async () => {
        await run(REFERENCE_FILE)
        const before = await counts()
        const again = await run(REFERENCE_FILE)
        expect(again).toEqual({
          postcode_areas: { total: 257, created: 0, updated: 0, deleted: 0 },
          municipalities: { total: 57, created: 0, updated: 0, retired: [] },
        })
        expect(await counts()).toEqual(before)
      })

      it("replaces the previous import: rows gone from the new file are removed, changed rows updated", async () => {
        await run(REFERENCE_FILE)
        // the first 100 rows, one of them moved a little
        const subset = withLine(1, (c) => [...c.slice(0, 9), "52.9999", c[10]]).slice(0, 100)
        const result = await run(fileWith("subset.txt", subset))
        expect(result.postcode_areas).toEqual({ total: 100, created: 0, updated: 1, deleted: 157 })
        const subsetCodes = new Set(subset.map((l) => l.split("\t")[6]))
        expect(result.municipalities.total).toBe(subsetCodes.size)
        // municipalities without postcodes in the new file are retired without successor
        expect(result.municipalities.retired).toHaveLength(57 - subsetCodes.size)
        expect(result.municipalities.retired.every((r) => r.renamed_to === null)).toBe(true)
        expect(await counts()).toMatchObject({ areas: 100, municipalities: 57, active: subsetCodes.size })
        const { rows } = await dbConnection.raw("select lat from postcode_area where pc4 = '9401'")
        expect(rows[0].lat).toBeCloseTo(52.9999, 4)

        // and the full file brings everything back
        const back = await run(REFERENCE_FILE)
        expect(back.postcode_areas).toEqual({ total: 257, created: 157, updated: 1, deleted: 0 })
        expect(await counts()).toMatchObject({ areas: 257, municipalities: 57, active: 57 })
      })

      it.each([
        ["a latitude that is not a number", withLine(17, (c) => [...c.slice(0, 9), "abc", c[10]]), 'line 17: latitude "abc" is not a number'],
        ["a longitude that is not a number", withLine(200, (c) => [...c.slice(0, 10), "5,1"]), 'line 200: longitude "5,1" is not a number'],
        ["a row with a column missing", withLine(5, (c) => [...c.slice(0, 8), ...c.slice(9)]), "line 5: expected 11 or 12 tab-separated columns, found 10"],
        ["a comma-separated row", withLine(6, (c) => c.join(",")), "line 6: expected 11 or 12 tab-separated columns, found 1"],
        ["a Belgian row", withLine(9, (c) => ["BE", ...c.slice(1)]), 'line 9: country code "BE" is not NL'],
        ["a postcode of three digits", withLine(3, (c) => [c[0], "123", ...c.slice(2)]), 'line 3: postal code "123" is not four digits (1000–9999)'],
        ["a full postcode", withLine(4, (c) => [c[0], "9404 AB", ...c.slice(2)]), 'line 4: postal code "9404 AB" is not four digits (1000–9999)'],
        ["a point outside the Netherlands", withLine(20, (c) => [...c.slice(0, 9), "48.8566", "2.3522"]), "line 20: coordinates 48.8566, 2.3522 are outside the Netherlands"],
        ["an empty municipality", withLine(30, (c) => [...c.slice(0, 5), "", ...c.slice(6)]), "line 30: municipality (admin name2) is empty"],
        ["a municipality code that is not a CBS code", withLine(31, (c) => [...c.slice(0, 6), "X12", ...c.slice(7)]), 'line 31: municipality code (admin code2) "X12" is not a CBS code such as 0344'],
        ["a repeated row", [...LINES, LINES[0]], "line 258: 9401 Assen (Assen) repeats line 1"],
        ["an empty file", [], "has no rows: nothing was imported"],
      ])("refuses a file with %s, naming the line, and writes nothing", async (_what, lines, message) => {
        // on an empty database
        const file = fileWith("bad.txt", lines)
        await expect(run(file)).rejects.toThrow(message)
        expect(await counts()).toEqual({ areas: 0, municipalities: 0, active: 0, checksum: null })

        // and over a previous import, which stays exactly as it was
        await run(REFERENCE_FILE)
        const before = await counts()
        const error = await run(file).catch((e) => e)
        expect(error).toBeInstanceOf(ReferenceDataError)
        expect(error.message).toContain(message)
        expect(error.message).toContain("nothing was imported")
        expect(await counts()).toEqual(before)
      })

      it("replaces in one transaction: a failure half-way leaves the previous import untouched", async () => {
        await run(REFERENCE_FILE)
        const before = await counts()
        const service = getContainer().resolve(NEIGHBOURHOOD_GROUP_MODULE) as NeighbourhoodGroupModuleService
        // 99 good rows (so 158 deletions and updates happen first), then one the database refuses
        const rows = parseGeonamesPostalCodes(LINES.slice(0, 99).join("\n"))
        const broken = { ...rows[0], pc4: "9999", place: null as unknown as string }
        await expect(service.replaceReferenceData([...rows, broken])).rejects.toThrow()
        expect(await counts()).toEqual(before)
      })

      it("lists every bad line (the first ten in the message)", () => {
        const lines = LINES.map((line, i) => (i % 5 === 0 ? line.replace("\t", "\tx") : line))
        let error: ReferenceDataError | undefined
        try {
          parseGeonamesPostalCodes(lines.join("\n"), "bad.txt")
        } catch (e) {
          error = e as ReferenceDataError
        }
        expect(error?.problems).toHaveLength(52)
        expect(error?.message).toMatch(/^bad\.txt is not a valid GeoNames postal code file \(52 problems, nothing was imported\): line 1: /)
        expect(error?.message).toContain("; and 42 more")
      })

      it("accepts the official format's optional accuracy column, Windows line ends and a byte order mark", () => {
        const official = "\uFEFF" + LINES.slice(0, 3).map((l) => `${l}\t4`).join("\r\n") + "\r\n"
        expect(parseGeonamesPostalCodes(official)).toHaveLength(3)
      })

      it("reads the file from REFERENCE_DATA_FILE, and explains how to call it without one", async () => {
        const previous = process.env.REFERENCE_DATA_FILE
        try {
          process.env.REFERENCE_DATA_FILE = REFERENCE_FILE
          const result = await importReferenceData({ container: getContainer(), args: [] } as any)
          expect(result.postcode_areas.total).toBe(257)
          delete process.env.REFERENCE_DATA_FILE
          await expect(importReferenceData({ container: getContainer(), args: [] } as any)).rejects.toThrow(
            /^Pass a GeoNames postal code file: npx medusa exec \.\/src\/scripts\/import-reference-data\.ts -- /
          )
          await expect(run(path.join(TMP, "does-not-exist.txt"))).rejects.toThrow(/^Cannot read .*does-not-exist\.txt/)
        } finally {
          if (previous === undefined) delete process.env.REFERENCE_DATA_FILE
          else process.env.REFERENCE_DATA_FILE = previous
        }
      })

      it("reads GeoNames' zip (NL.txt beside readme.txt), deflated or stored", async () => {
        const deflated = path.join(TMP, "NL.zip")
        fs.writeFileSync(deflated, zipOf([{ name: "readme.txt", data: Buffer.from("GeoNames readme\n") }, { name: "NL.txt", data: Buffer.from(TEXT) }]))
        const stored = path.join(TMP, "stored.zip")
        fs.writeFileSync(stored, zipOf([{ name: "NL.txt", data: Buffer.from(TEXT), stored: true }]))
        expect(await readReferenceData(deflated)).toBe(TEXT)
        expect(await readReferenceData(stored)).toBe(TEXT)
        expect((await run(deflated)).postcode_areas.total).toBe(257)

        const damaged = Buffer.from(fs.readFileSync(deflated))
        damaged[200] ^= 0xff
        fs.writeFileSync(path.join(TMP, "damaged.zip"), damaged)
        await expect(readReferenceData(path.join(TMP, "damaged.zip"))).rejects.toThrow(/damaged|invalid/)
        const other = path.join(TMP, "other.zip")
        fs.writeFileSync(other, zipOf([{ name: "readme.txt", data: Buffer.from("x") }, { name: "BE.txt", data: Buffer.from("x") }, { name: "DE.txt", data: Buffer.from("x") }]))
        await expect(readReferenceData(other)).rejects.toThrow("has no NL.txt (entries: readme.txt, BE.txt, DE.txt)")
      })

      it("migrations created the search indexes (GiST on the point; trigram where pg_trgm exists)", async () => {
        const { rows } = await dbConnection.raw("select indexname from pg_indexes where tablename = 'neighbourhood_group' order by indexname")
        const names = rows.map((r: any) => r.indexname)
        expect(names).toEqual(expect.arrayContaining(["IDX_neighbourhood_group_public_point", "IDX_neighbourhood_group_postcodes", "IDX_neighbourhood_group_slug_unique"]))
        const { rows: trgm } = await dbConnection.raw("select count(*)::int as n from pg_extension where extname = 'pg_trgm'")
        expect(names.includes("IDX_neighbourhood_group_search_text_trgm")).toBe(trgm[0].n === 1)
      })
    })

    describe("download", () => {
      let server: http.Server
      let base: string
      const hanging: http.ServerResponse[] = []

      beforeAll(async () => {
        const zip = zipOf([{ name: "readme.txt", data: Buffer.from("GeoNames readme\n") }, { name: "NL.txt", data: Buffer.from(TEXT) }])
        server = http.createServer((req, res) => {
          if (req.url === "/export/zip/NL.txt") res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(TEXT)
          else if (req.url === "/export/zip/NL.zip") res.writeHead(200, { "content-type": "application/zip" }).end(zip)
          else if (req.url === "/slow") {
            // headers and a first chunk, then nothing
            res.writeHead(200, { "content-type": "text/plain" })
            res.write(LINES[0])
            hanging.push(res)
          } else res.writeHead(404).end("not found")
        })
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
        base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      })

      afterAll(async () => {
        for (const res of hanging) res.destroy()
        await new Promise((resolve) => server.close(resolve))
        fs.rmSync(TMP, { recursive: true, force: true })
      })

      it("downloads the plain text file and the zip", async () => {
        expect(await downloadGeonames(`${base}/export/zip/NL.txt`, { timeoutMs: 5000 })).toBe(TEXT)
        expect(await downloadGeonames(`${base}/export/zip/NL.zip`, { timeoutMs: 5000 })).toBe(TEXT)
      })

      it("imports straight from a URL", async () => {
        const result = await run(`${base}/export/zip/NL.zip`)
        expect(result.postcode_areas).toEqual({ total: 257, created: 257, updated: 0, deleted: 0 })
      })

      it("gives up after the timeout with a clear error", async () => {
        const started = Date.now()
        await expect(downloadGeonames(`${base}/slow`, { timeoutMs: 300 })).rejects.toThrow(`Downloading ${base}/slow timed out after 300 ms`)
        expect(Date.now() - started).toBeLessThan(3000)
      })

      it("says so when the server answers with an error or cannot be reached", async () => {
        await expect(downloadGeonames(`${base}/export/zip/XX.zip`, { timeoutMs: 2000 })).rejects.toThrow(
          `Downloading ${base}/export/zip/XX.zip failed: HTTP 404 Not Found`
        )
        const closed = http.createServer()
        await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve))
        const port = (closed.address() as AddressInfo).port
        await new Promise((resolve) => closed.close(resolve))
        await expect(downloadGeonames(`http://127.0.0.1:${port}/NL.zip`, { timeoutMs: 2000 })).rejects.toThrow(
          `Could not download http://127.0.0.1:${port}/NL.zip (ECONNREFUSED): are you offline?`
        )
        await expect(downloadGeonames("ftp://example.org/NL.zip")).rejects.toThrow('Only http(s) URLs can be downloaded, not "ftp://example.org/NL.zip"')
      })
    })
  },
})

/** A minimal zip writer (local headers, central directory, end record) for the tests. */
function zipOf(entries: { name: string; data: Buffer; stored?: boolean }[]): Buffer {
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const body = entry.stored ? entry.data : zlib.deflateRawSync(entry.data)
    const method = entry.stored ? 0 : 8
    const crc = zlib.crc32(entry.data) >>> 0
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(entry.data.length, 22)
    local.writeUInt16LE(name.length, 26)
    const header = Buffer.alloc(46)
    header.writeUInt32LE(0x02014b50, 0)
    header.writeUInt16LE(20, 4)
    header.writeUInt16LE(20, 6)
    header.writeUInt16LE(method, 10)
    header.writeUInt32LE(crc, 16)
    header.writeUInt32LE(body.length, 20)
    header.writeUInt32LE(entry.data.length, 24)
    header.writeUInt16LE(name.length, 28)
    header.writeUInt32LE(offset, 42)
    parts.push(local, name, body)
    central.push(header, name)
    offset += local.length + name.length + body.length
  }
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, directory, end])
}
