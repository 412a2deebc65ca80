import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenario } from './parse.ts';

const valid = readFileSync('test/fixtures/valid.yaml', 'utf8');

describe('parseScenario', () => {
  it('fills in the defaults of SCENARIO.md', () => {
    const r = parseScenario(valid, 'valid.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.rules.ammunition).toEqual(['move', 'destroy']);
    expect(r.scenario.sites[1]!.guard).toBe(0);
    expect(r.scenario.legs[1]!.risk).toBe(0);
  });

  it('accepts owners with accents and spaces', () => {
    const r = parseScenario(valid.replace('owner: COE/Chad', "owner: COE/Côte d'Ivoire"), 'v.yaml');
    expect(r.ok).toBe(true);
  });

  it('reports a file of runaway aliases as a YAML problem, not a crash', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
    const r = parseScenario(bomb, 'bomb.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatProblem(r.problems[0]!)).toMatch(/^bomb.yaml:1:1 \(yaml\): /);
  });

  it('refuses rules that allow nothing for a kind that has lots', () => {
    const r = parseScenario(`${valid}rules:\n  ammunition: []\n`, 'v.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(formatProblem).join('\n')).toMatch(/rules\.ammunition: allows nothing for ammunition, yet lots north-ammo/);
  });

  it('refuses rules that would sell weapons', () => {
    const r = parseScenario(`${valid}rules:\n  weapon: [move, sell]\n`, 'v.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.message).toMatch(/allows sell for weapon/);
  });

  // Found by fuzzing (test/fuzz): a string with line breaks was quoted raw, so its problem spanned lines.
  it('keeps a problem on one line when the value or an unknown key holds line breaks', () => {
    const r = parseScenario('|+\n\n', 'f.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(formatProblem(r.problems[0]!)).toBe('f.yaml:1:1 (file): must be a mapping of fields, not "\\n" — write a mapping of fields here');
    const key = parseScenario(`${valid}"a\\nb": 1\n`, 'v.yaml');
    expect(key.ok).toBe(false);
    if (key.ok) return;
    expect(key.problems.map(formatProblem)).toEqual([expect.stringMatching(/^v\.yaml:\d+:1 \["a\\nb"\]: unknown field "a\\nb" — /)]);
  });
});
