// Argument parsing for the `drawdown` commands, on node:util's parseArgs, with usage errors
// turned into the catalogue's DRW_USAGE.
import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { DrawdownError } from '../domain/errors.ts';
import { isPostgresUrl } from '../store/target.ts';

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; default?: string | boolean }>;

export function parse<T extends OptionSpec>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new DrawdownError('DRW_USAGE', `drawdown ${command}: ${(e as Error).message.split('\n')[0]}`);
  }
}

export type Format = 'text' | 'json';

export function format(command: string, value: unknown, allowed: readonly string[] = ['text', 'json']): string {
  const f = typeof value === 'string' ? value : 'text';
  if (!allowed.includes(f)) throw new DrawdownError('DRW_USAGE', `drawdown ${command}: --format must be ${allowed.join(' or ')}, not "${f}"`);
  return f;
}

/** The store to use: --db, else $DRAWDOWN_DATABASE_URL or $DRAWDOWN_DB, else ./data/drawdown.db. A postgres:// URL selects PostgreSQL. */
export function storePath(flag: unknown): string {
  if (typeof flag === 'string' && flag !== '') return isPostgresUrl(flag) ? flag : resolve(flag);
  const env = process.env.DRAWDOWN_DATABASE_URL || process.env.DRAWDOWN_DB;
  if (env) return isPostgresUrl(env) ? env : resolve(env);
  return resolve('data', 'drawdown.db');
}

/** Who is acting, for the log: --as, else $DRAWDOWN_USER, else the system user. */
export function actor(flag: unknown): string {
  if (typeof flag === 'string' && flag !== '') return flag;
  return process.env.DRAWDOWN_USER || safeUser();
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export function onePositional(command: string, positionals: string[], what: string): string {
  if (positionals.length !== 1) {
    throw new DrawdownError('DRW_USAGE', `drawdown ${command}: expected one ${what}, got ${positionals.length === 0 ? 'none' : positionals.join(' ')}`);
  }
  return positionals[0]!;
}

/** A `YYYY-MM-DD` option value, or a usage error naming the option. */
export function dateOption(command: string, option: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  // "2023-13-40" has the shape of a date but no day: Date gives NaN for it, and toISOString would throw.
  const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  const ok = day !== null && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
  if (!ok) throw new DrawdownError('DRW_USAGE', `drawdown ${command}: --${option} must be a date written YYYY-MM-DD, not "${String(value)}"`);
  return value as string;
}

/** A positive number of seconds, or a usage error. */
export function secondsOption(command: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new DrawdownError('DRW_USAGE', `drawdown ${command}: --time-limit must be a number of seconds above 0, not "${String(value)}"`);
  return n;
}
