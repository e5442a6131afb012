import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125142754 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "postcode_area" drop constraint if exists "postcode_area_pc4_place_municipality_code_unique";`);
    this.addSql(`alter table if exists "neighbourhood_group" drop constraint if exists "neighbourhood_group_slug_unique";`);
    this.addSql(`alter table if exists "municipality" drop constraint if exists "municipality_slug_unique";`);
    this.addSql(`create table if not exists "municipality" ("id" text not null, "code" text not null, "name" text not null, "slug" text not null, "province" text not null, "lat" real not null, "lng" real not null, "renamed_to" text null, "retired_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "municipality_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_municipality_slug_unique" ON "municipality" ("slug") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_municipality_deleted_at" ON "municipality" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_municipality_code" ON "municipality" ("code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_municipality_renamed_to" ON "municipality" ("renamed_to") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "neighbourhood_group" ("id" text not null, "name" text not null, "slug" text not null, "name_key" text not null, "search_text" text not null, "gemeente" text not null, "gemeente_code" text null, "gemeente_slug" text not null, "woonplaats" text not null, "postcodes" text[] not null, "lat" real null, "lng" real null, "member_count" integer not null, "status" text check ("status" in ('pending', 'approved', 'rejected', 'archived')) not null default 'pending', "rejection_reason" text null, "admin_name" text not null, "admin_email" text not null, "admin_phone" text not null, "accepted_rules" boolean not null default false, "accepted_rules_at" timestamptz null, "approved_at" timestamptz null, "rejected_at" timestamptz null, "archived_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "neighbourhood_group_pkey" primary key ("id"), constraint neighbourhood_group_member_count_check check (member_count >= 1 AND member_count <= 256));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_neighbourhood_group_slug_unique" ON "neighbourhood_group" ("slug") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_neighbourhood_group_deleted_at" ON "neighbourhood_group" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_neighbourhood_group_status" ON "neighbourhood_group" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_neighbourhood_group_gemeente_slug" ON "neighbourhood_group" ("gemeente_slug") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_neighbourhood_group_gemeente_code" ON "neighbourhood_group" ("gemeente_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_neighbourhood_group_name_key" ON "neighbourhood_group" ("name_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_neighbourhood_group_postcodes" ON "neighbourhood_group" USING GIN ("postcodes") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "postcode_area" ("id" text not null, "pc4" text not null, "place" text not null, "municipality" text not null, "municipality_code" text not null, "province" text not null, "province_code" text null, "lat" real not null, "lng" real not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "postcode_area_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_postcode_area_deleted_at" ON "postcode_area" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_postcode_area_pc4_place_municipality_code_unique" ON "postcode_area" ("pc4", "place", "municipality_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_postcode_area_pc4" ON "postcode_area" ("pc4") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_postcode_area_municipality_code" ON "postcode_area" ("municipality_code") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "municipality" cascade;`);

    this.addSql(`drop table if exists "neighbourhood_group" cascade;`);

    this.addSql(`drop table if exists "postcode_area" cascade;`);
  }

}
