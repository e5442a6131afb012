import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Written by hand: wijkagent/municipality accounts that write area notices. */
export class Migration20261125175233 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "notice_author" (
      "id" text not null,
      "name" text not null,
      "email" text not null,
      "organisation" text not null,
      "municipality_codes" text[] not null,
      "disabled_at" timestamptz null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      "deleted_at" timestamptz null,
      constraint "notice_author_pkey" primary key ("id"),
      constraint notice_author_municipalities_check check (cardinality(municipality_codes) >= 1)
    );`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_notice_author_email_unique" ON "notice_author" ("email") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notice_author_deleted_at" ON "notice_author" ("deleted_at") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notice_author" cascade;`)
  }
}
