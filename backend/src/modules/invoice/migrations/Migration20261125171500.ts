import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Written by hand. Invoices and their gap-free counter.
 *
 * Invoice numbers must be consecutive without gaps (Dutch invoicing rules). A
 * PostgreSQL sequence is not: nextval() is not rolled back with its transaction.
 * So the last number lives in one counter row that every issuance locks
 * (SELECT … FOR UPDATE) and bumps in the same transaction as the invoice insert:
 * concurrent approvals queue on that row and a rolled-back approval leaves no gap.
 */
export class Migration20261125171500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE IF NOT EXISTS "invoice" (
  "id" text NOT NULL,
  "order_id" text NOT NULL,
  "number" integer NOT NULL,
  "issued_at" timestamptz NOT NULL,
  "data" jsonb NOT NULL,
  "created_at" timestamptz NOT NULL DEFAULT now(),
  "updated_at" timestamptz NOT NULL DEFAULT now(),
  "deleted_at" timestamptz NULL,
  CONSTRAINT "invoice_pkey" PRIMARY KEY ("id")
);`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoice_order_id_unique" ON "invoice" ("order_id") WHERE deleted_at IS NULL;`)
    // Never reused, not even after a soft delete.
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_invoice_number_unique" ON "invoice" ("number");`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_invoice_deleted_at" ON "invoice" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE TABLE IF NOT EXISTS "invoice_counter" (
  "id" text NOT NULL,
  "last_number" integer NOT NULL,
  CONSTRAINT "invoice_counter_pkey" PRIMARY KEY ("id")
);`)
    this.addSql(`INSERT INTO "invoice_counter" ("id", "last_number") VALUES ('invoice', 0) ON CONFLICT ("id") DO NOTHING;`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TABLE IF EXISTS "invoice_counter";`)
    this.addSql(`DROP TABLE IF EXISTS "invoice";`)
  }
}
