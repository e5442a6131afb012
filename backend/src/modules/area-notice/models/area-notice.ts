import { model } from "@medusajs/framework/utils"

/** Limits shared by the model's checks, the admin API's validation and the admin form. */
export const NOTICE_LIMITS = {
  titleMax: 120,
  bodyMax: 2000,
  authorLabelMax: 80,
  targetsMax: 50,
} as const

/**
 * A notice for the groups in an area, written by staff or a wijkagent/municipality:
 * e.g. "Let op: insluipingen rond de Stationsstraat". It targets CBS municipality
 * codes and/or PC4 areas (at least one of either), is current from `starts_at` until
 * `ends_at`, and disappears when withdrawn. `body` is plain text, never HTML.
 */
const AreaNotice = model
  .define("area_notice", {
    id: model.id({ prefix: "anotc" }).primaryKey(),
    title: model.text(),
    body: model.text(),
    /** CBS municipality codes, e.g. ["0344"] (text[]) */
    municipality_codes: model.array(),
    /** PC4 areas, e.g. ["3581", "3582"] (text[]) */
    postcodes: model.array(),
    starts_at: model.dateTime(),
    ends_at: model.dateTime(),
    withdrawn_at: model.dateTime().nullable(),
    /** who signs the notice publicly, e.g. "Wijkagent Utrecht-Oost" */
    author_label: model.text(),
    /** the actor that wrote it (a staff user id); never shown publicly */
    created_by: model.text().nullable(),
  })
  .indexes([
    { on: ["starts_at", "ends_at"] },
    { on: ["municipality_codes"], type: "GIN" },
    { on: ["postcodes"], type: "GIN" },
  ])
  .checks([
    { name: "area_notice_period_check", expression: (c) => `${c.ends_at} > ${c.starts_at}` },
    {
      name: "area_notice_target_check",
      expression: (c) => `cardinality(${c.municipality_codes}) + cardinality(${c.postcodes}) >= 1`,
    },
    {
      name: "area_notice_text_check",
      expression: (c) =>
        `char_length(btrim(${c.title})) between 1 and ${NOTICE_LIMITS.titleMax} AND char_length(btrim(${c.body})) between 1 and ${NOTICE_LIMITS.bodyMax}`,
    },
  ])

export default AreaNotice
