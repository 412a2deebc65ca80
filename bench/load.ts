// `npm run bench -- --only load`: the server under load, on each backend. The 2023 mission as of
// 31 October 2023 (replayed once into SQLite, copied into PostgreSQL), a real `drawdown serve`,
// driven by autocannon on loopback: read throughput of the main views' API calls, then p99 latency
// at 500 requests/s with one write in ten. Prints its section of bench/RESULTS.md.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { parseScenario } from '../src/domain/scenario/parse.ts';
import { replay } from '../src/operations/replay.ts';
import { copyMission } from '../src/store/copy.ts';
import type { DialectName } from '../src/store/dialect.ts';
import { openStore } from '../src/store/store.ts';
import { SESSION_COOKIE } from '../src/server/app.ts';
import { hashPassword } from '../src/server/passwords.ts';
import { benchTarget, MACHINE, stopBenchPostgres, today } from './mission.ts';

const quick = process.argv.includes('--quick');
const SECONDS = quick ? 5 : 15;
const BIN = fileURLToPath(new URL('../bin/drawdown.js', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const READS = ['/api/map', '/api/plan', '/api/state', '/api/equipment', '/api/restrictions'];
const err = (m: string) => process.stderr.write(`load: ${m}\n`);

async function mission2023(): Promise<string> {
  const target = await benchTarget('sqlite');
  const store = await openStore(target);
  const file = 'scenarios/minusma-2023.yaml';
  const text = readFileSync(file, 'utf8');
  const parsed = parseScenario(text, file);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  await store.createMission({ file, text, scenario: parsed.scenario, actor: 'bench' });
  err('replaying 2023 up to 31 October (the planner runs at each step)…');
  await replay(store, readFileSync('scenarios/minusma-2023.events.jsonl', 'utf8'), 'scenarios/minusma-2023.events.jsonl', { actor: 'bench', to: '2023-10-31' });
  const hash = await hashPassword('load test password');
  await store.access.addUser({ name: 'viewer', passwordHash: hash, role: 'viewer', clearance: 'unclassified' });
  await store.access.addUser({ name: 'ops', passwordHash: hash, role: 'operations_centre', clearance: 'unclassified' });
  await store.close();
  return target;
}

async function serve(target: string): Promise<{ base: string; stop(): Promise<void> }> {
  // DRAWDOWN_PROFILE_DIR=… writes a CPU profile of each server there, to see where the time goes.
  const profile = process.env.DRAWDOWN_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.DRAWDOWN_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, BIN, 'serve', '--db', target, '--port', '0', '--host', '127.0.0.1'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DRAWDOWN_DB: '', DRAWDOWN_DATABASE_URL: '' } });
  const base = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stderr!.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /at (http:\/\/\S+)/.exec(text);
      if (m) resolve(m[1]!.replace('localhost', '127.0.0.1'));
    });
    child.on('exit', (code) => reject(new Error(`the server stopped (exit ${code}): ${text}`)));
  });
  return { base, stop: async () => void (child.kill('SIGTERM'), await new Promise((r) => child.once('exit', r))) };
}

async function sessions(target: string): Promise<{ viewer: string; ops: string; csrf: string }> {
  const store = await openStore(target, { mustExist: true });
  const stamp = Date.now().toString(36);
  await store.access.createSession({ id: `load-viewer-${stamp}`, user: 'viewer', csrf: 'unused', expiresAt: '2999-01-01T00:00:00.000Z' });
  await store.access.createSession({ id: `load-ops-${stamp}`, user: 'ops', csrf: `csrf-${stamp}`, expiresAt: '2999-01-01T00:00:00.000Z' });
  await store.close();
  return { viewer: `${SESSION_COOKIE}=load-viewer-${stamp}`, ops: `${SESSION_COOKIE}=load-ops-${stamp}`, csrf: `csrf-${stamp}` };
}

type Result = autocannon.Result;
const run = (o: autocannon.Options) => new Promise<Result>((resolve, reject) => autocannon(o, (e, r) => (e ? reject(e) : resolve(r))));

const rows: string[] = [];
const source = await mission2023();
for (const dialect of ['sqlite', 'postgres'] as DialectName[]) {
  let target = source;
  if (dialect === 'postgres') {
    target = await benchTarget('postgres');
    const from = await openStore(source, { mustExist: true });
    const to = await openStore(target);
    await copyMission(from, to);
    await from.close();
    await to.close();
  }
  const s = await sessions(target);
  const server = await serve(target);
  try {
    // Warm up (first requests load the mission and compile code paths).
    await run({ url: server.base, connections: 4, amount: 200, requests: READS.map((path) => ({ method: 'GET', path, headers: { cookie: s.viewer } })) });
    err(`${dialect}: reads at full speed for ${SECONDS} s`);
    const reads = await run({ url: server.base, connections: 32, duration: SECONDS, requests: READS.map((path) => ({ method: 'GET', path, headers: { cookie: s.viewer } })) });
    err(`${dialect}: 500 requests/s, one in ten a write, for ${SECONDS} s`);
    let n = 0;
    const write = () => JSON.stringify({ type: 'restriction', on: '2023-10-31', domain: 'air', imposed_by: 'host state', requested: 1, denied: 1, notes: `load ${(n += 1)}` });
    const mixed = await run({
      url: server.base,
      connections: 50,
      overallRate: 500,
      duration: SECONDS,
      requests: [
        ...READS.map((path) => ({ method: 'GET' as const, path, headers: { cookie: s.viewer } })),
        ...READS.slice(0, 4).map((path) => ({ method: 'GET' as const, path, headers: { cookie: s.viewer } })),
        { method: 'POST' as const, path: '/api/events', headers: { cookie: s.ops, 'x-csrf-token': s.csrf, 'content-type': 'application/json' }, setupRequest: (req: autocannon.Request) => ({ ...req, body: write() }) },
      ],
    });
    const bad = (r: Result) => r.non2xx + r.errors + r.timeouts;
    rows.push(`| ${dialect} | ${Math.round(reads.requests.average).toLocaleString('en-US')} | ${reads.latency.p50} / ${reads.latency.p99} | ${bad(reads)} | ${Math.round(mixed.requests.average)} | ${mixed.latency.p50} / ${mixed.latency.p99} | ${bad(mixed)} |`);
    err(rows.at(-1)!);
  } finally {
    await server.stop();
  }
}
await stopBenchPostgres();
process.stdout.write(
  [
    `## Load — ${today()}`,
    '',
    `Machine: ${MACHINE}. The 2023 mission as of 31 October 2023, a real \`drawdown serve\` and autocannon on loopback, sharing the machine's cores. Reads: ${READS.map((r) => `\`${r}\``).join(', ')} in turn as a viewer, 32 connections, ${SECONDS} s. Mixed: 500 requests/s over 50 connections for ${SECONDS} s, one in ten recording an event (a refused flight) as the operations centre. Targets: reads ≥ 3,000 requests/s; p99 ≤ 50 ms in the mixed run.`,
    '',
    '| backend | reads: requests/s | reads: p50 / p99 ms | reads: errors | mixed: requests/s | mixed: p50 / p99 ms | mixed: errors |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n'),
);
