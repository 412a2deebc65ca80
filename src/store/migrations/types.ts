// Column types that differ between dialects. Shipped migrations use these so SQLite gets exactly
// what it always got.
import type { DialectName } from '../dialect.ts';

/** A generated integer id: SQLite's INTEGER PRIMARY KEY, PostgreSQL's serial. */
export function autoId(dialect: DialectName): 'integer' | 'serial' {
  return dialect === 'postgres' ? 'serial' : 'integer';
}
