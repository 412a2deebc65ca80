// `drawdown ingest` through the real command: JSON on stdout alone, several files, bad input.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateSchema } from '../src/ingest/schema.ts';
import { drawdown } from './cli.ts';

const REPORT = 'test/fixtures/reports/goundam.txt';

describe('drawdown ingest', () => {
  it('prints candidate events as JSON, each with its evidence, and background apart', () => {
    const r = drawdown(['ingest', REPORT, '--published', '2023-08-17', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = candidateSchema.array().parse(JSON.parse(r.stdout));
    const news = out.filter((c) => c.kind !== 'background');
    expect(news.map((c) => [c.kind, c.date, c.location?.name])).toEqual([
      ['site_status', '2023-08-16', 'Goundam'],
      ['movement', '2023-08-16', 'Goundam'],
      ['restriction', '2023-08-16', 'Goundam'],
    ]);
    expect(news[1]).toMatchObject({ to: { name: 'Timbuktu' }, quantity: { trucks: 45, km: 90 } });
    expect(out.filter((c) => c.kind === 'background').every((c) => c.date! < '2023-01-01')).toBe(true);
    expect(news.every((c) => c.evidence.length > 20 && c.source === REPORT)).toBe(true);
  });

  it('reads several files at once, and refuses a missing or empty file with one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drawdown-ingest-'));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '  \n');
    const two = drawdown(['ingest', REPORT, REPORT, '--published', '2023-08-17', '--format', 'json']);
    expect(JSON.parse(two.stdout).length).toBe(2 * JSON.parse(drawdown(['ingest', REPORT, '--published', '2023-08-17', '--format', 'json']).stdout).length);
    const missing = drawdown(['ingest', join(dir, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.txt: cannot be read \(ENOENT\) \(DRW_FILE_UNREADABLE\)/);
    const blank = drawdown(['ingest', empty]);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toMatch(/empty\.txt: is empty/);
    expect(drawdown(['ingest', REPORT, '--published', '17 August']).stderr).toMatch(/--published must be a date/);
    // The shape of a date without a day in it is a usage error, not an internal one.
    const noDay = drawdown(['ingest', REPORT, '--published', '2023-13-40']);
    expect(noDay.code).toBe(2);
    expect(noDay.stderr).toMatch(/--published must be a date written YYYY-MM-DD, not "2023-13-40"/);
    expect(drawdown(['ingest']).code).toBe(2);
  });

  it('with --db, adds the candidates to the mission\'s review queue', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'drawdown-ingest-db-')), 'm.db');
    expect(drawdown(['init', 'scenarios/minusma-2023.yaml', '--db', db]).code).toBe(0);
    const r = drawdown(['ingest', REPORT, '--published', '2023-08-17', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/3 candidates added to the review queue/);
  });
});
