/**
 * Fetches the GeoNames postal code file for the Netherlands. The official export
 * is a zip (NL.zip with NL.txt and readme.txt); a plain .txt URL works too.
 */
import path from "node:path"
import { isZip, listZipEntries, readZipEntry } from "./zip"

export const GEONAMES_NL_URL = "https://download.geonames.org/export/zip/NL.zip"
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 20_000
/** NL.zip is about 100 KB; anything near this is not the file we want. */
const MAX_BYTES = 50 * 1024 * 1024

export type DownloadOptions = {
  /** Whole request, body included. */
  timeoutMs?: number
}

export class DownloadError extends Error {
  name = "DownloadError"
}

/** Downloads `url` and returns the text of the postal code file (unzipped when needed). */
export async function downloadGeonames(url: string = GEONAMES_NL_URL, options: DownloadOptions = {}): Promise<string> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new DownloadError(`"${url}" is not a URL`)
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new DownloadError(`Only http(s) URLs can be downloaded, not "${url}"`)
  }

  const signal = AbortSignal.timeout(timeoutMs)
  let data: Buffer
  try {
    const response = await fetch(parsed, { signal, redirect: "follow" })
    if (!response.ok) {
      throw new DownloadError(`Downloading ${url} failed: HTTP ${response.status} ${response.statusText}`.trim())
    }
    const declared = Number(response.headers.get("content-length") ?? 0)
    if (declared > MAX_BYTES) throw new DownloadError(`${url} is ${declared} bytes, more than a postal code file can be`)
    data = Buffer.from(await response.arrayBuffer())
  } catch (error) {
    throw describeFailure(error, url, timeoutMs)
  }
  if (data.length > MAX_BYTES) throw new DownloadError(`${url} is ${data.length} bytes, more than a postal code file can be`)

  if (!isZip(data)) return data.toString("utf8")
  return unzipPostalCodes(data, url)
}

/** The postal code entry of a GeoNames zip: NL.txt, or else the only .txt that is not the readme. */
export function unzipPostalCodes(data: Buffer, source = "the zip file"): string {
  const entries = listZipEntries(data).filter((e) => !e.name.endsWith("/"))
  const texts = entries.filter((e) => /\.txt$/i.test(e.name) && !/^readme\.txt$/i.test(path.posix.basename(e.name)))
  const entry = texts.find((e) => /^nl\.txt$/i.test(path.posix.basename(e.name))) ?? (texts.length === 1 ? texts[0] : undefined)
  if (!entry) {
    throw new DownloadError(
      `${source} has no NL.txt (entries: ${entries.map((e) => e.name).join(", ") || "none"})`
    )
  }
  return readZipEntry(data, entry).toString("utf8")
}

function describeFailure(error: unknown, url: string, timeoutMs: number): Error {
  if (error instanceof DownloadError) return error
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (err?.name === "TimeoutError" || err?.name === "AbortError") {
    return new DownloadError(`Downloading ${url} timed out after ${timeoutMs} ms`)
  }
  const code = err?.cause?.code
  const offline = ["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ECONNRESET", "ENETUNREACH", "EHOSTUNREACH", "ETIMEDOUT"]
  if (code && offline.includes(code)) {
    return new DownloadError(
      `Could not download ${url} (${code}): are you offline? Download it elsewhere and pass the file's path instead`
    )
  }
  return new DownloadError(`Could not download ${url}: ${err?.cause?.message ?? err?.message ?? String(error)}`)
}
