// The crash-safety harness (test/crash.test.ts and bench/crash.ts): a real `drawdown serve` on the
// store, several clients recording events through the API, and SIGKILL at a random moment —
// during start-up or while writes are in flight. After each kill the store must open, its log must
// verify, and every event whose write was acknowledged (a 2xx answer) must be in it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hashPassword } from '../../src/server/passwords.ts';
import { openStore } from '../../src/store/store.ts';
import { mulberry32 } from '../../bench/generate.ts';

const BIN = fileURLToPath(new URL('../../bin/drawdown.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const USER = 'crash-ops';
const PASSWORD = 'crash test password';

export type CrashOptions = {
  /** A store holding the tutorial mission (scenarios/examples/two-camps.yaml). */
  target: string;
  rounds: number;
  /** Clients writing at once. */
  writers?: number;
  /** The longest a server lives after it is ready, in ms. */
  maxRunMs?: number;
  /** A deterministic sequence of kill moments. */
  seed?: number;
  log?: (message: string) => void;
};

export type CrashResult = {
  kills: number;
  /** Kills that came before the server was ready (during start-up or migration). */
  duringStartup: number;
  acknowledged: number;
  /** Written but not acknowledged (the answer was lost in the kill): allowed either way. */
  unacknowledgedPresent: number;
  /** Acknowledged writes the store did not have after a kill: must be none. */
  lost: string[];
  /** Rounds after which the store would not open or its log did not verify: must be none. */
  broken: string[];
  seconds: number;
};

export async function prepareCrashStore(target: string): Promise<void> {
  const store = await openStore(target, { mustExist: true });
  try {
    if (!(await store.access.user(USER))) await store.access.addUser({ name: USER, passwordHash: await hashPassword(PASSWORD), role: 'operations_centre', clearance: 'unclassified' });
  } finally {
    await store.close();
  }
}

export async function crashRounds(o: CrashOptions): Promise<CrashResult> {
  const started = Date.now();
  // Seeded, so a failing run can be repeated.
  const rnd = mulberry32(o.seed ?? 1);
  const writers = o.writers ?? 4;
  const maxRunMs = o.maxRunMs ?? 1500;
  const result: CrashResult = { kills: 0, duringStartup: 0, acknowledged: 0, unacknowledgedPresent: 0, lost: [], broken: [], seconds: 0 };
  await prepareCrashStore(o.target);
  const acked = new Set<string>();
  const sent = new Set<string>();
  for (let round = 1; round <= o.rounds; round += 1) {
    const child = spawn(process.execPath, [BIN, 'serve', '--db', o.target, '--port', '0', '--host', '127.0.0.1'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DRAWDOWN_DB: '', DRAWDOWN_DATABASE_URL: '' } });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let dead = false;
    const kill = () => {
      if (!dead) {
        dead = true;
        child.kill('SIGKILL');
      }
    };
    // One kill in five lands during start-up; the rest while clients are writing.
    const early = rnd() < 0.2;
    const startupKill = early ? setTimeout(kill, 200 + rnd() * 1500) : undefined;
    const base = await new Promise<string | null>((resolve) => {
      let err = '';
      child.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /at (http:\/\/[^\s]+)/.exec(err);
        if (m) resolve(m[1]!.replace('localhost', '127.0.0.1'));
      });
      void exited.then(() => resolve(null));
    });
    if (!base || dead) {
      kill();
      await exited;
      clearTimeout(startupKill);
      result.duringStartup += 1;
    } else {
      clearTimeout(startupKill);
      const signIn = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: USER, password: PASSWORD }) }).catch(() => null);
      const cookie = signIn?.headers.get('set-cookie')?.split(';')[0] ?? '';
      const csrf = signIn?.ok ? ((await signIn.json()) as { csrf: string }).csrf : '';
      setTimeout(kill, rnd() * maxRunMs);
      const loops = Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; !dead; i += 1) {
          const note = `crash ${round}.${w}.${i}`;
          sent.add(note);
          const body = { type: 'restriction', on: '2024-03-02', domain: 'air', imposed_by: 'host state', requested: 1, denied: 1, notes: note };
          try {
            const r = await fetch(`${base}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: JSON.stringify(body) });
            if (r.ok) acked.add(note);
            else if (!dead) throw new Error(`round ${round}: the server answered ${r.status} ${await r.text()}`);
          } catch (e) {
            if (!dead) throw e;
          }
        }
      });
      await Promise.all(loops);
      await exited;
    }
    result.kills += 1;
    // The store after the kill, as the next process would find it.
    try {
      const store = await openStore(o.target, { mustExist: true });
      try {
        const chain = await store.verifyChain();
        if (!chain.ok) result.broken.push(`round ${round}: entry ${chain.broken.seq}: ${chain.broken.reason}`);
        const present = new Set((await store.entries({ type: 'restriction' })).map((e) => e.event.notes ?? ''));
        for (const note of acked) if (!present.has(note)) result.lost.push(note);
        result.acknowledged = acked.size;
        result.unacknowledgedPresent = [...present].filter((n) => sent.has(n) && !acked.has(n)).length;
      } finally {
        await store.close();
      }
    } catch (e) {
      result.broken.push(`round ${round}: the store does not open (${(e as Error).message})`);
    }
    o.log?.(`crash: round ${round}/${o.rounds}: ${early ? 'killed during start-up' : 'killed while writing'}; ${acked.size} acknowledged so far, ${result.lost.length} lost`);
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}
