import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Moderation of changes and duplicates (issue 15): a change of name or location of an
 * approved group waits in `pending_changes` until staff approve it, and a registration
 * that probably duplicates another group records which one in `possible_duplicate_of`.
 */
export class Migration20261203140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "neighbourhood_group" add column if not exists "pending_changes" jsonb null, add column if not exists "changes_requested_at" timestamptz null, add column if not exists "possible_duplicate_of" jsonb null;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_neighbourhood_group_changes_requested_at" ON "neighbourhood_group" ("changes_requested_at") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_neighbourhood_group_changes_requested_at";`)
    this.addSql(`alter table if exists "neighbourhood_group" drop column if exists "pending_changes", drop column if exists "changes_requested_at", drop column if exists "possible_duplicate_of";`)
  }
}
