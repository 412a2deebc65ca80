// Runs the real `drawdown` command in a child process, as a user would.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/drawdown.js', import.meta.url));

export type Run = { code: number; stdout: string; stderr: string };

export function drawdown(args: string[], options: { input?: string; env?: Record<string, string>; timeout?: number } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, DRAWDOWN_DB: '', DRAWDOWN_DATABASE_URL: '', ...options.env },
    timeout: options.timeout ?? 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
