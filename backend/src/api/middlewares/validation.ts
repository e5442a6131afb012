/**
 * Validation middlewares for every custom route. The shop's forms show an error per
 * field, in Dutch, so invalid input is answered with
 *
 *   400 { "type": "invalid_data", "message": "<all messages>", "errors": { "<field>": "<message>" } }
 *
 * instead of Medusa's single English message from validateAndTransformBody. (The
 * storefront's error translator is built on exactly this shape: do not change it.)
 * They set `req.validatedBody` / `req.validatedQuery` exactly like Medusa's own middlewares.
 */
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { findInviteLinkProblems } from "../../modules/neighbourhood-group/utils/whatsapp"

export type FieldErrors = Record<string, string>

/** Field name → first message; problems with the whole body go under "_". */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) errors[key] ??= `Onbekend veld "${key}"`
      continue
    }
    const field = issue.path.length ? String(issue.path[0]) : "_"
    errors[field] ??= issue.message
  }
  return errors
}

/** The answer body for errors per field: `message` is every field's sentence, joined without doubling a full stop. */
export function invalidDataBody(errors: FieldErrors) {
  const sentences = [...new Set(Object.values(errors).map(String))]
  return { type: "invalid_data", message: sentences.map((text, i) => (i < sentences.length - 1 ? text.replace(/\.+$/, "") : text)).join(". "), errors }
}

/** Answers 400 with errors per field. */
export function respondWithFieldErrors(res: MedusaResponse, errors: FieldErrors): void {
  res.status(400).json(invalidDataBody(errors))
}

/**
 * A check beyond the schema that needs the database (e.g. a group's point against its
 * postcodes). It runs whether or not the schema passed, so every field error is answered
 * in one go; `body` adds to the answer (e.g. a `code` the storefront acts on).
 */
export type ExtraCheck = (req: MedusaRequest, input: any) => Promise<{ errors: FieldErrors; body?: Record<string, unknown> } | null>

function validate(schema: z.ZodType, source: "body" | "query", extra?: ExtraCheck) {
  return async function validateWithFieldErrors(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    const input = source === "body" ? (req.body ?? {}) : req.query
    const result = await schema.safeParseAsync(input)
    const more = extra ? await extra(req, input) : null
    if (!result.success || (more && Object.keys(more.errors).length)) {
      // the schema's message per field wins; the extra check fills the others
      const errors = { ...(more?.errors ?? {}), ...(result.success ? {} : fieldErrors(result.error)) }
      res.status(400).json({ ...invalidDataBody(errors), ...(more?.body ?? {}) })
      return
    }
    if (source === "body") req.validatedBody = result.data
    else req.validatedQuery = result.data as MedusaRequest["validatedQuery"]
    next()
  }
}

/** Like Medusa's validateAndTransformBody, with an error per field (and optionally a database check, see ExtraCheck). */
export const validateBodyWithFieldErrors = (schema: z.ZodType, extra?: ExtraCheck) => validate(schema, "body", extra)
/** Like Medusa's validateAndTransformQuery (without `fields`), with an error per field. */
export const validateQueryWithFieldErrors = (schema: z.ZodType) => validate(schema, "query")

/**
 * Refuses any body containing something that looks like a WhatsApp invite link
 * (chat.whatsapp.com, wa.me, whatsapp://, …) or a short link (bit.ly, …), in any field,
 * before anything else happens.
 */
export function refuseWhatsAppInviteLinks() {
  return function refuseInviteLinks(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    const found = findInviteLinkProblems(req.body)
    if (found.length) {
      const errors: FieldErrors = {}
      for (const { path, message } of found) errors[path[0] ?? "_"] ??= message
      res.status(400).json({ type: "invalid_data", message: found[0].message, errors })
      return
    }
    next()
  }
}
