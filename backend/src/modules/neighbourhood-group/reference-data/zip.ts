/**
 * A tiny ZIP reader, enough for GeoNames' NL.zip (NL.txt + readme.txt): reads the
 * central directory and extracts one stored or deflated entry with zlib, checking
 * its CRC-32. No ZIP64, encryption or multi-disk archives.
 */
import zlib from "node:zlib"

export type ZipEntry = {
  name: string
  method: number
  crc32: number
  compressedSize: number
  size: number
  localHeaderOffset: number
}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
const LOCAL_SIGNATURE = 0x04034b50
const STORED = 0
const DEFLATED = 8

export function isZip(data: Buffer): boolean {
  return data.length >= 4 && data.readUInt32LE(0) === LOCAL_SIGNATURE
}

export function listZipEntries(data: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(data)
  const count = data.readUInt16LE(eocd + 10)
  let offset = data.readUInt32LE(eocd + 16)
  const entries: ZipEntry[] = []
  for (let i = 0; i < count; i++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== CENTRAL_SIGNATURE) {
      throw new Error("The zip file's central directory is damaged")
    }
    const nameLength = data.readUInt16LE(offset + 28)
    const extraLength = data.readUInt16LE(offset + 30)
    const commentLength = data.readUInt16LE(offset + 32)
    entries.push({
      method: data.readUInt16LE(offset + 10),
      crc32: data.readUInt32LE(offset + 16),
      compressedSize: data.readUInt32LE(offset + 20),
      size: data.readUInt32LE(offset + 24),
      localHeaderOffset: data.readUInt32LE(offset + 42),
      name: data.toString("utf8", offset + 46, offset + 46 + nameLength),
    })
    offset += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

export function readZipEntry(data: Buffer, entry: ZipEntry): Buffer {
  if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) {
    throw new Error(`${entry.name} in the zip file is a ZIP64 entry, which this reader does not support`)
  }
  const local = entry.localHeaderOffset
  if (local + 30 > data.length || data.readUInt32LE(local) !== LOCAL_SIGNATURE) {
    throw new Error(`The zip file's entry ${entry.name} is damaged`)
  }
  if (data.readUInt16LE(local + 6) & 0x1) {
    throw new Error(`${entry.name} in the zip file is encrypted`)
  }
  const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28)
  const compressed = data.subarray(start, start + entry.compressedSize)
  if (compressed.length !== entry.compressedSize) {
    throw new Error(`The zip file is truncated (${entry.name})`)
  }
  let content: Buffer
  if (entry.method === STORED) content = Buffer.from(compressed)
  else if (entry.method === DEFLATED) content = zlib.inflateRawSync(compressed)
  else throw new Error(`${entry.name} in the zip file uses compression method ${entry.method}; only stored and deflated are supported`)
  if (content.length !== entry.size || zlib.crc32(content) >>> 0 !== entry.crc32 >>> 0) {
    throw new Error(`${entry.name} in the zip file is damaged (size or CRC-32 does not match)`)
  }
  return content
}

function findEndOfCentralDirectory(data: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const lowest = Math.max(0, data.length - 22 - 0xffff)
  for (let offset = data.length - 22; offset >= lowest; offset--) {
    if (data.readUInt32LE(offset) === EOCD_SIGNATURE) return offset
  }
  throw new Error("Not a zip file (no end of central directory record)")
}
