import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { drawdown } from './cli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'drawdown-'));

describe('drawdown init, log and log verify', () => {
  it('creates a mission store whose log verifies', () => {
    const db = join(tmp(), 'mission.db');
    const init = drawdown(['init', 'test/fixtures/valid.yaml', '--db', db]);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/created mission Fixture/);
    const verify = drawdown(['log', 'verify', '--db', db]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/ok — 1 entries/);
    const log = JSON.parse(drawdown(['log', '--db', db, '--format', 'json']).stdout);
    expect(log).toHaveLength(1);
    expect(log[0].type).toBe('mission_created');
    expect(log[0].event.mission).toBe('Fixture');
  });

  it('refuses to overwrite a mission without --force, and replaces it with --force', () => {
    const db = join(tmp(), 'mission.db');
    expect(drawdown(['init', 'test/fixtures/valid.yaml', '--db', db]).code).toBe(0);
    const again = drawdown(['init', 'test/fixtures/valid.yaml', '--db', db]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already holds mission "Fixture".*DRW_MISSION_EXISTS.*--force/);
    const forced = drawdown(['init', 'test/fixtures/valid.yaml', '--db', db, '--force']);
    expect(forced.code).toBe(0);
    expect(drawdown(['log', 'verify', '--db', db]).code).toBe(0);
  });

  it('writes nothing when the scenario is invalid', () => {
    const dir = tmp();
    const db = join(dir, 'mission.db');
    const r = drawdown(['init', 'test/fixtures/broken/latitude-range.yaml', '--db', db]);
    expect(r.code).toBe(2);
    const verify = drawdown(['log', 'verify', '--db', db]);
    expect(verify.code).toBe(2);
    expect(verify.stderr).toMatch(/no mission store here/);
  });

  it('records events all or nothing, naming the line and field of each bad one', () => {
    const db = join(tmp(), 'mission.db');
    drawdown(['init', 'test/fixtures/valid.yaml', '--db', db]);
    const bad = [
      '{"type":"deadline_changed","on":"2023-07-05","site":"north","deadline":"2023-07-15"}',
      '{"type":"deadline_changed","on":"2023-07-05","site":"nowhere","deadline":"2023-07-15"}',
      '{"type":"leg_closed","on":"2023-07-06","from":"north","to":"hub","mode":"road"}',
    ].join('\n');
    const r = drawdown(['record', '--db', db, '-'], { input: bad });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\(stdin\):2 site: unknown site "nowhere"/);
    expect(r.stderr).toMatch(/\(stdin\):3 reason: is missing/);
    expect(JSON.parse(drawdown(['log', '--db', db, '--format', 'json']).stdout)).toHaveLength(1);

    const good = [
      '{"type":"deadline_changed","on":"2023-07-05","site":"north","deadline":"2023-07-15"}',
      '{"type":"leg_closed","on":"2023-07-06","from":"north","to":"hub","mode":"road","reason":"road cut"}',
      '{"type":"leg_reopened","on":"2023-07-09","from":"north","to":"hub","mode":"road"}',
    ].join('\n');
    const ok = drawdown(['record', '--db', db, '-'], { input: good });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(drawdown(['log', 'verify', '--db', db]).stdout).toMatch(/ok — 4 entries/);
  });

  it('log verify names the first entry edited behind the store\'s back', () => {
    const db = join(tmp(), 'mission.db');
    drawdown(['init', 'test/fixtures/valid.yaml', '--db', db]);
    const events = join(tmp(), 'events.jsonl');
    writeFileSync(events, [
      '{"type":"deadline_changed","on":"2023-07-05","site":"north","deadline":"2023-07-15"}',
      '{"type":"deadline_changed","on":"2023-07-06","site":"hub","deadline":"2023-07-28"}',
    ].join('\n'));
    expect(drawdown(['record', '--db', db, events]).code).toBe(0);

    // Someone with raw access lifts the guard and moves a deadline back.
    const raw = new Database(db);
    expect(() => raw.prepare("UPDATE log SET payload = replace(payload, '2023-07-15', '2023-07-19') WHERE seq = 2").run()).toThrow(/append-only/);
    raw.exec('DROP TRIGGER log_no_update');
    raw.prepare("UPDATE log SET payload = replace(payload, '2023-07-15', '2023-07-19') WHERE seq = 2").run();
    raw.close();

    const r = drawdown(['log', 'verify', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/log entry 2 is broken: its contents do not match its hash/);
  });

  it('log verify notices a deleted entry', () => {
    const db = join(tmp(), 'mission.db');
    drawdown(['init', 'test/fixtures/valid.yaml', '--db', db]);
    drawdown(['record', '--db', db, '-'], {
      input: '{"type":"deadline_changed","on":"2023-07-05","site":"north","deadline":"2023-07-15"}\n{"type":"deadline_changed","on":"2023-07-06","site":"hub","deadline":"2023-07-28"}\n',
    });
    const raw = new Database(db);
    raw.exec('DROP TRIGGER log_no_delete');
    raw.prepare('DELETE FROM log WHERE seq = 2').run();
    raw.close();
    const r = drawdown(['log', 'verify', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/log entry 2 is broken: entry 2 is missing/);
  });

  it('reads no other SQLite file as a store, and leaves it untouched', () => {
    const file = join(tmp(), 'other.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE notes (t TEXT)');
    raw.close();
    const r = drawdown(['log', '--db', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a Drawdown store/);
    const again = new Database(file);
    expect(again.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 1 });
    again.close();
  });

  it('names a log entry whose payload was replaced, instead of failing inside', () => {
    const db = join(tmp(), 'mission.db');
    drawdown(['init', 'test/fixtures/valid.yaml', '--db', db]);
    const raw = new Database(db);
    raw.exec('DROP TRIGGER log_no_update');
    raw.prepare("UPDATE log SET payload = 'not json' WHERE seq = 1").run();
    raw.close();
    const r = drawdown(['plan', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/log entry 1 is not JSON \(DRW_LOG_BROKEN\)/);
  });

  it('reports a file that is not a store without a stack trace', () => {
    const dir = tmp();
    const file = join(dir, 'not-a-db.db');
    writeFileSync(file, 'hello, this is not SQLite'.repeat(100));
    const r = drawdown(['log', 'verify', '--db', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/DRW_STORE_UNOPENABLE/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
