import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Generated (medusa db:generate): group registrations waiting for their e-mail confirmation (models/group-registration.ts). */

export class Migration20261206195159 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "group_registration" drop constraint if exists "group_registration_token_hash_unique";`);
    this.addSql(`create table if not exists "group_registration" ("id" text not null, "token_hash" text not null, "email" text null, "data" jsonb null, "expires_at" timestamptz not null, "confirmed_at" timestamptz null, "group_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "group_registration_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_group_registration_token_hash_unique" ON "group_registration" ("token_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_registration_deleted_at" ON "group_registration" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_registration_email" ON "group_registration" ("email") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_group_registration_expires_at" ON "group_registration" ("expires_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "group_registration" cascade;`);
  }

}
