import { describe, expect, it } from 'vitest';
import { drawdown } from './cli.ts';

// Each broken fixture changes one thing in test/fixtures/valid.yaml; the message must name the
// file, the line of the offending node and the field.
const CASES: { file: string; line: number; field: string; says: RegExp }[] = [
  { file: 'yaml-syntax.yaml', line: 12, field: '(yaml)', says: /YAML syntax error/ },
  { file: 'unknown-field.yaml', line: 12, field: 'sites[0].deadlin', says: /unknown field "deadlin" — did you mean "deadline"\?/ },
  { file: 'wrong-type.yaml', line: 24, field: 'sites[1].lat', says: /must be a number, not "north"/ },
  { file: 'negative-count.yaml', line: 17, field: 'sites[0].personnel[1].count', says: /at least 1 \(got -30\)/ },
  { file: 'negative-value.yaml', line: 19, field: 'sites[0].lots[0].value', says: /must not be negative/ },
  { file: 'latitude-range.yaml', line: 10, field: 'sites[0].lat', says: /between -90 and 90 \(got 95.5\)/ },
  { file: 'malformed-date.yaml', line: 4, field: 'start', says: /not a calendar date/ },
  { file: 'unknown-site.yaml', line: 37, field: 'legs[2].to', says: /unknown site "prot" — did you mean "port"\?/ },
  { file: 'duplicate-id.yaml', line: 21, field: 'sites[1].id', says: /duplicate site id "north"/ },
  { file: 'deadline-outside.yaml', line: 26, field: 'sites[1].deadline', says: /outside the horizon/ },
  { file: 'no-path.yaml', line: 7, field: 'sites[0].id', says: /no path of legs to any exit/ },
  { file: 'bad-version.yaml', line: 2, field: 'version', says: /version 2 is not supported/ },
  { file: 'empty.yaml', line: 1, field: '(file)', says: /empty/ },
];

describe('drawdown validate on broken files', () => {
  it.each(CASES)('$file → line $line, $field', ({ file, line, field, says }) => {
    const path = `test/fixtures/broken/${file}`;
    const r = drawdown(['validate', path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const first = r.stderr.split('\n')[0]!;
    expect(first.startsWith(`${path}:${line}:`)).toBe(true);
    expect(first).toContain(` ${field}: `);
    expect(first).toMatch(says);
    expect(first).toContain(' — ');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('reports every problem of a file, one line each, not only the first', () => {
    const r = drawdown(['validate', 'test/fixtures/broken/many.yaml']);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n').filter((l) => l.startsWith('test/fixtures/broken/many.yaml:'));
    expect(lines.length).toBe(3);
    expect(lines.map((l) => l.split(' ')[1]!.replace(/:$/, ''))).toEqual(['sites[0].lat', 'sites[0].deadlin', 'fleet.trucks']);
  });

  it('says so for a missing file, with exit 2 and no stack', () => {
    const r = drawdown(['validate', 'test/fixtures/nope.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/test\/fixtures\/nope.yaml: cannot read \(no such file\)/);
  });
});

describe('drawdown validate on good files', () => {
  it('summarises a valid file', () => {
    const r = drawdown(['validate', 'test/fixtures/valid.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ok — Fixture/);
    expect(r.stdout).toMatch(/1 camps, 1 hubs, 1 exits/);
    expect(r.stdout).toMatch(/people\s+60 \(40 essential, 20 non-essential\)/);
    expect(r.stdout).toMatch(/14 units in 2 lots, 4 truckloads/);
    expect(r.stdout).toMatch(/value\s+520,000/);
  });

  it('prints the summary alone on stdout as JSON', () => {
    const r = drawdown(['validate', 'test/fixtures/valid.yaml', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.summary.horizon).toEqual({ start: '2023-07-01', end: '2023-07-31', days: 31 });
    expect(json.summary.units).toBe(14);
  });

  it('accepts the embedded MINUSMA 2023 scenario', () => {
    const r = drawdown(['validate', 'scenarios/minusma-2023.yaml', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout).summary;
    expect(s.sites.camp + s.sites.hub).toBe(13);
    expect(s.horizon).toMatchObject({ start: '2023-07-01', end: '2023-12-31' });
    expect(s.people.total).toBeGreaterThan(14000);
    expect(s.people.total).toBeLessThan(15500);
  });

  it('rejects an unknown command and a bad option with a usage line', () => {
    expect(drawdown(['frobnicate']).code).toBe(2);
    const r = drawdown(['validate', 'test/fixtures/valid.yaml', '--colour']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/DRW_USAGE/);
  });
});
