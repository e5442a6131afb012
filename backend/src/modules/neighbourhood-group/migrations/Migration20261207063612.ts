import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Generated (medusa db:generate): the group admin's setting "Andere beheerders mogen mij een bericht sturen" (issue 30), off by default. */

export class Migration20261207063612 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "neighbourhood_group" add column if not exists "admin_messages_enabled" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "neighbourhood_group" drop column if exists "admin_messages_enabled";`);
  }

}
