// Reads a scenario file from disk and parses it, turning problems into one DrawdownError.
import { readFileSync } from 'node:fs';
import { DrawdownError } from '../domain/errors.ts';
import { formatProblem, parseScenario } from '../domain/scenario/parse.ts';
import type { Scenario } from '../domain/scenario/schema.ts';

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new DrawdownError('DRW_FILE_UNREADABLE', `${file}: cannot read (${why})`);
  }
}

export function loadScenarioFile(file: string): { text: string; scenario: Scenario } {
  const text = readText(file);
  const result = parseScenario(text, file);
  if (!result.ok) {
    const lines = result.problems.map(formatProblem);
    throw new DrawdownError('DRW_SCENARIO_INVALID', `${file}: ${lines.length} problem${lines.length === 1 ? '' : 's'}`, lines);
  }
  return { text, scenario: result.scenario };
}
