import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Generated (medusa db:generate): messages between group admins, staff's blocks and abuse reports (issue 30; models/). */

export class Migration20261207063613 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "admin_message" drop constraint if exists "admin_message_report_token_unique";`);
    this.addSql(`create table if not exists "admin_message" ("id" text not null, "kind" text check ("kind" in ('message', 'reply', 'warning')) not null, "from_group_id" text not null, "to_group_id" text not null, "sender_first_name" text not null, "body" text not null, "thread_id" text not null, "reply_to_id" text null, "report_token" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "admin_message_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_admin_message_report_token_unique" ON "admin_message" ("report_token") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_admin_message_deleted_at" ON "admin_message" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_admin_message_from_group_id" ON "admin_message" ("from_group_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_admin_message_to_group_id" ON "admin_message" ("to_group_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_admin_message_thread_id" ON "admin_message" ("thread_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "message_report" ("id" text not null, "message_id" text not null, "reason" text null, "handled_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "message_report_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_message_report_deleted_at" ON "message_report" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_message_report_message_id" ON "message_report" ("message_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "messaging_block" ("id" text not null, "group_id" text not null, "customer_id" text null, "reason" text null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "messaging_block_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_messaging_block_deleted_at" ON "messaging_block" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_messaging_block_group_id" ON "messaging_block" ("group_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_messaging_block_customer_id" ON "messaging_block" ("customer_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "admin_message" cascade;`);

    this.addSql(`drop table if exists "message_report" cascade;`);

    this.addSql(`drop table if exists "messaging_block" cascade;`);
  }

}
