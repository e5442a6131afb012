import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Written by hand: area notices and their deliveries. The unique (notice_id,
 * group_id) index is what `claimDeliveries` relies on (`ON CONFLICT … WHERE
 * deleted_at IS NULL` infers this partial index), so a group is mailed once.
 */
export class Migration20261125172411 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "area_notice" (
      "id" text not null,
      "title" text not null,
      "body" text not null,
      "municipality_codes" text[] not null default '{}',
      "postcodes" text[] not null default '{}',
      "starts_at" timestamptz not null,
      "ends_at" timestamptz not null,
      "withdrawn_at" timestamptz null,
      "author_label" text not null,
      "created_by" text null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "area_notice_pkey" primary key ("id"),
      constraint area_notice_period_check check (ends_at > starts_at),
      constraint area_notice_target_check check (cardinality(municipality_codes) + cardinality(postcodes) >= 1),
      constraint area_notice_text_check check (char_length(btrim(title)) between 1 and 120 AND char_length(btrim(body)) between 1 and 2000)
    );`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_area_notice_deleted_at" ON "area_notice" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_area_notice_starts_at_ends_at" ON "area_notice" ("starts_at", "ends_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_area_notice_municipality_codes" ON "area_notice" USING GIN ("municipality_codes") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_area_notice_postcodes" ON "area_notice" USING GIN ("postcodes") WHERE deleted_at IS NULL;`)

    this.addSql(`create table if not exists "area_notice_delivery" (
      "id" text not null,
      "notice_id" text not null,
      "group_id" text not null,
      "claimed_at" timestamptz not null default now(),
      "sent_at" timestamptz null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "area_notice_delivery_pkey" primary key ("id")
    );`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_area_notice_delivery_deleted_at" ON "area_notice_delivery" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_area_notice_delivery_notice_id_group_id_unique" ON "area_notice_delivery" ("notice_id", "group_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_area_notice_delivery_group_id" ON "area_notice_delivery" ("group_id") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "area_notice_delivery" cascade;`)
    this.addSql(`drop table if exists "area_notice" cascade;`)
  }
}
