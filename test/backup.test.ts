// `drawdown backup` and `drawdown restore` through the real CLI, on every dialect and across them:
// online while a writer appends, refusing to overwrite, refusing a backup whose log is broken.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store/store.ts';
import { drawdown } from './cli.ts';
import { DIALECTS, emptyTarget, missionStore } from './support/dialects.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'drawdown-backup-'));

async function logOf(target: string) {
  const s = await openStore(target, { mustExist: true });
  try {
    return (await s.entries()).map((e) => e.hash);
  } finally {
    await s.close();
  }
}

describe.each(DIALECTS)('backup of a %s store', (dialect) => {
  it('is consistent while a writer appends, and restores into either dialect', async () => {
    const { store, target } = await missionStore(dialect);
    await store.close();
    const writer = spawn(process.execPath, ['--import', 'tsx', 'test/support/append-worker.ts', target, 'writer', '80'], { stdio: 'ignore' });
    const done = new Promise<number>((resolve) => writer.on('exit', (c) => resolve(c ?? -1)));
    // Wait until the writer is under way, so the backup overlaps its appends.
    for (let i = 0; i < 200 && (await logOf(target)).length < 10; i += 1) await new Promise((r) => setTimeout(r, 50));
    const out = join(tmp(), 'backup.db');
    const b = drawdown(['backup', '--db', target, out, '--format', 'json']);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    const report = JSON.parse(b.stdout);
    expect(report.chain.ok).toBe(true);
    expect(await done).toBe(0);
    const backedUp = await logOf(out);
    const final = await logOf(target);
    expect(backedUp.length).toBe(report.rows.log);
    expect(backedUp.length).toBeGreaterThanOrEqual(10);
    // A consistent snapshot: exactly a prefix of the log as it went on.
    expect(final.slice(0, backedUp.length)).toEqual(backedUp);
    for (const into of DIALECTS) {
      const restored = await emptyTarget(into);
      const r = drawdown(['restore', out, '--db', restored]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`restored mission "Tutorial — two camps".*: ${backedUp.length} log entries, chain intact`));
      expect(drawdown(['log', 'verify', '--db', restored]).code).toBe(0);
      expect(await logOf(restored)).toEqual(backedUp);
    }
  });

  it('refuses to overwrite a file or a mission without --force, and replaces them with it', async () => {
    const { store, target } = await missionStore(dialect);
    await store.append([{ type: 'restriction', on: '2024-03-02', domain: 'air', imposed_by: 'host state', requested: 2, denied: 2 } as never], 'alice');
    await store.close();
    const dir = tmp();
    const out = join(dir, 'b.db');
    writeFileSync(out, 'precious');
    const refused = drawdown(['backup', '--db', target, out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/already exists.*DRW_OUTPUT_EXISTS/);
    expect(drawdown(['backup', '--db', target, out, '--force']).code).toBe(0);
    expect((await logOf(out)).length).toBe(2);
    // No partial files are left beside the backup.
    expect(existsSync(join(dir, 'b.db-wal'))).toBe(false);
    const other = await missionStore(dialect);
    await other.store.close();
    const r = drawdown(['restore', out, '--db', other.target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already holds mission.*DRW_MISSION_EXISTS/);
    expect((await logOf(other.target)).length).toBe(1);
    expect(drawdown(['restore', out, '--db', other.target, '--force']).code).toBe(0);
    expect(await logOf(other.target)).toEqual(await logOf(target));
  });
});

describe('restore', () => {
  it('refuses a backup whose log was changed, and writes nothing', async () => {
    const { store, target } = await missionStore('sqlite');
    await store.append([{ type: 'restriction', on: '2024-03-02', domain: 'air', imposed_by: 'host state', requested: 2, denied: 2 } as never], 'alice');
    await store.close();
    const raw = new Database(target);
    raw.exec('DROP TRIGGER log_no_update');
    raw.prepare("UPDATE log SET actor = 'mallory' WHERE seq = 2").run();
    raw.close();
    const into = await emptyTarget('sqlite');
    const r = drawdown(['restore', target, '--db', into]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/backup's log does not verify \(entry 2.*nothing restored.*DRW_LOG_BROKEN/);
    const s = await openStore(into);
    expect(await s.mission()).toBeUndefined();
    await s.close();
  });

  it('names a backup that does not exist, in one line', () => {
    const r = drawdown(['restore', join(tmp(), 'missing.db'), '--db', join(tmp(), 'x.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/missing\.db: no mission store here/);
  });

  it('names a PostgreSQL server it cannot reach, without its password', () => {
    const r = drawdown(['log', '--db', 'postgres://drawdown:hunter2@127.0.0.1:1/nothing']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/postgres:\/\/drawdown:\*\*\*@127\.0\.0\.1:1\/nothing: cannot connect to PostgreSQL/);
    expect(r.stderr).not.toMatch(/hunter2/);
  });
});
