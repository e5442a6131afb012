import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Written by hand: indexes the data model language cannot express.
 *
 * - A GiST index on point(lng, lat) of approved groups, used by the store's map
 *   query `point(lng, lat) <@ box(...)` (core PostgreSQL, no extension).
 * - A trigram index on search_text for the store's `q` (`search_text LIKE '%word%'`).
 *   It needs the pg_trgm extension (contrib). Where it cannot be created (no contrib,
 *   no privilege) the migration goes on without it: the search works the same,
 *   with a sequential scan.
 */
export class Migration20261125143000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_neighbourhood_group_point" ON "neighbourhood_group" USING gist (point("lng", "lat")) WHERE deleted_at IS NULL AND status = 'approved';`
    )
    this.addSql(`DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm is not available (%): group search works without its index', SQLERRM;
END $$;`)
    this.addSql(`DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX IF NOT EXISTS "IDX_neighbourhood_group_search_text_trgm" ON "neighbourhood_group" USING gin ("search_text" gin_trgm_ops) WHERE deleted_at IS NULL AND status = 'approved';
  END IF;
EXCEPTION WHEN OTHERS THEN
  -- e.g. the extension lives in a schema outside the search_path
  RAISE NOTICE 'trigram index on neighbourhood_group.search_text not created (%)', SQLERRM;
END $$;`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_neighbourhood_group_search_text_trgm";`)
    this.addSql(`DROP INDEX IF EXISTS "IDX_neighbourhood_group_point";`)
  }
}
