// The mission and its append-only log.
import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect.ts';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('mission')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scenario_file', 'text', (c) => c.notNull())
    .addColumn('scenario_text', 'text', (c) => c.notNull())
    .addColumn('scenario_sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema.createIndex('log_type_on').on('log').columns(['type', 'on_date']).execute();
  if (dialect === 'sqlite') {
    // The log is append-only: the application never changes a row, so the database refuses to.
    // Someone with raw access can still drop these; the hash chain is what catches that.
    await sql`CREATE TRIGGER log_no_update BEFORE UPDATE ON log BEGIN SELECT RAISE(ABORT, 'the log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER log_no_delete BEFORE DELETE ON log BEGIN SELECT RAISE(ABORT, 'the log is append-only'); END`.execute(db);
  } else {
    // The same guard; replacing a mission lifts it for one transaction (SET LOCAL, see clearLog).
    await sql`CREATE FUNCTION log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('drawdown.clearing_log', true) = 'on' THEN RETURN OLD; END IF;
        RAISE EXCEPTION 'the log is append-only';
      END $$`.execute(db);
    await sql`CREATE TRIGGER log_no_change BEFORE UPDATE OR DELETE ON log FOR EACH ROW EXECUTE FUNCTION log_append_only()`.execute(db);
    await sql`CREATE TRIGGER log_no_truncate BEFORE TRUNCATE ON log FOR EACH STATEMENT EXECUTE FUNCTION log_append_only()`.execute(db);
  }
}
