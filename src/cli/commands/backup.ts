// `drawdown backup` and `drawdown restore`: a whole mission copied between stores of either
// dialect while the server may be running. A backup of a PostgreSQL store into a SQLite file is
// the export; restoring that file into PostgreSQL (or the reverse) is the import.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DrawdownError } from '../../domain/errors.ts';
import { type CopyReport, copyMission } from '../../store/copy.ts';
import { isPostgresUrl, openStore } from '../../store/store.ts';
import { format, parse, storePath } from '../args.ts';
import type { Io } from '../io.ts';

export const usage = [
  'drawdown backup [--db STORE] OUT [--force] [--format text|json]      copy the mission, online, to a new SQLite file (or a postgres:// URL)',
  'drawdown restore BACKUP [--db STORE] [--force] [--format text|json]  copy a backup into the store (--force replaces its mission)',
].join('\n');

export async function backup(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('backup', argv, { db: { type: 'string' }, force: { type: 'boolean' }, format: { type: 'string' } });
  const fmt = format('backup', values.format);
  if (positionals.length !== 1) throw new DrawdownError('DRW_USAGE', 'drawdown backup: name one output, a new .db file or a postgres:// URL (drawdown backup --db STORE OUT)');
  const out = positionals[0]!;
  const source = await openStore(storePath(values.db), { mustExist: true });
  try {
    await source.requireMission();
    if (isPostgresUrl(out)) {
      const target = await openStore(out);
      try {
        return finish(io, fmt, 'backed up', await copyMission(source, target, { replace: values.force ?? false }));
      } finally {
        await target.close();
      }
    }
    const file = resolve(out);
    if (existsSync(file) && !values.force) throw new DrawdownError('DRW_OUTPUT_EXISTS', `${file} already exists`);
    // Written beside its final name and renamed into place only when complete and verified, so
    // OUT is never a half-written backup, and --force never leaves the old one half-replaced.
    const partial = join(dirname(file), `.${basename(file)}.partial-${randomBytes(4).toString('hex')}`);
    let report: CopyReport;
    try {
      const target = await openStore(partial);
      try {
        report = await copyMission(source, target);
      } finally {
        await target.close();
      }
      if (!report.chain.ok) throw new DrawdownError('DRW_LOG_BROKEN', `${source.location}: the copy's log does not verify (entry ${report.chain.broken.seq}: ${report.chain.broken.reason}); no backup written`);
      renameSync(partial, file);
    } finally {
      for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
    }
    return finish(io, fmt, 'backed up', { ...report, to: file });
  } finally {
    await source.close();
  }
}

export async function restore(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('restore', argv, { db: { type: 'string' }, force: { type: 'boolean' }, format: { type: 'string' } });
  const fmt = format('restore', values.format);
  if (positionals.length !== 1) throw new DrawdownError('DRW_USAGE', 'drawdown restore: name one backup, a .db file or a postgres:// URL (drawdown restore BACKUP --db STORE)');
  const from = positionals[0]!;
  const source = await openStore(isPostgresUrl(from) ? from : resolve(from), { mustExist: true });
  try {
    await source.requireMission();
    const before = await source.verifyChain();
    if (!before.ok) throw new DrawdownError('DRW_LOG_BROKEN', `${source.location}: the backup's log does not verify (entry ${before.broken.seq}: ${before.broken.reason}); nothing restored`);
    const target = await openStore(storePath(values.db));
    try {
      return finish(io, fmt, 'restored', await copyMission(source, target, { replace: values.force ?? false }));
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

function finish(io: Io, fmt: string, verb: string, r: CopyReport): number {
  if (fmt === 'json') io.out(JSON.stringify(r, null, 2));
  else {
    const chain = r.chain.ok ? `chain intact (head ${r.chain.head.slice(0, 12)})` : `CHAIN BROKEN at entry ${r.chain.broken.seq}: ${r.chain.broken.reason}`;
    io.out(`${verb} mission "${r.mission}" from ${r.from} to ${r.to}: ${r.rows.log} log entries, ${chain}; ${r.rows.users} users, ${r.rows.plans} plans, ${r.rows.audit} audit entries, ${r.rows.reports} report copies`);
  }
  return r.chain.ok ? 0 : 1;
}
