import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Written by hand: a group admin may ask for their personal data to be removed
 * (privacy statement). The group row stays, archived and anonymous, so order
 * history can still point to it; its admin's name, e-mail and phone become null.
 */
export class Migration20261125170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "neighbourhood_group" alter column "admin_name" drop not null;`)
    this.addSql(`alter table if exists "neighbourhood_group" alter column "admin_email" drop not null;`)
    this.addSql(`alter table if exists "neighbourhood_group" alter column "admin_phone" drop not null;`)
  }

  override async down(): Promise<void> {
    // Erased rows cannot get their data back: give them a placeholder so NOT NULL holds again.
    this.addSql(`update "neighbourhood_group" set "admin_name" = coalesce("admin_name", ''), "admin_email" = coalesce("admin_email", ''), "admin_phone" = coalesce("admin_phone", '');`)
    this.addSql(`alter table if exists "neighbourhood_group" alter column "admin_name" set not null;`)
    this.addSql(`alter table if exists "neighbourhood_group" alter column "admin_email" set not null;`)
    this.addSql(`alter table if exists "neighbourhood_group" alter column "admin_phone" set not null;`)
  }
}
