// `drawdown serve` runs the web app and API for a mission store; `drawdown start` is `npm start`:
// it makes ./data (or $DRAWDOWN_DATA_DIR) on first run with the embedded MINUSMA 2023 mission and
// its 2023 replay up to 31 October 2023, then serves it.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DrawdownError } from '../../domain/errors.ts';
import { parseScenario } from '../../domain/scenario/parse.ts';
import { replay } from '../../operations/replay.ts';
import { buildServer } from '../../server/app.ts';
import { buildWeb, WEB_DIST } from '../../server/build-web.ts';
import { hashPassword, newPassword } from '../../server/passwords.ts';
import { isPostgresUrl, type MissionStore, openStore } from '../../store/store.ts';
import { parse, storePath } from '../args.ts';
import type { Io } from '../io.ts';

export const usage = [
  'drawdown serve [--db FILE|URL] [--port N] [--host ADDRESS]   the web app and API for a mission store (PORT, default 8080)',
  'drawdown start                                           what `npm start` runs: ./data (or $DRAWDOWN_DATA_DIR, or $DRAWDOWN_DATABASE_URL) with the 2023 mission, served',
].join('\n');

export const DEMO_DAY = '2023-10-31';

export async function serve(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse('serve', argv, { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } });
  if (positionals.length > 0) throw new DrawdownError('DRW_USAGE', `drawdown serve: unexpected argument "${positionals.join(' ')}"`);
  const store = await openStore(storePath(values.db), { mustExist: true });
  await store.requireMission();
  return run(store, io, values.port, values.host);
}

export async function start(argv: string[], io: Io): Promise<number> {
  const { values } = parse('start', argv, { port: { type: 'string' }, host: { type: 'string' } });
  // $DRAWDOWN_DATABASE_URL=postgres://… runs on PostgreSQL; otherwise a SQLite file in ./data.
  const url = process.env.DRAWDOWN_DATABASE_URL;
  let db: string;
  if (url && isPostgresUrl(url)) db = url;
  else {
    const dir = resolve(process.env.DRAWDOWN_DATA_DIR || 'data');
    mkdirSync(dir, { recursive: true });
    db = join(dir, 'drawdown.db');
  }
  const store = await openStore(db);
  if (!(await store.mission())) {
    const file = 'scenarios/minusma-2023.yaml';
    const text = readFileSync(file, 'utf8');
    const parsed = parseScenario(text, file);
    if (!parsed.ok) throw new DrawdownError('DRW_SCENARIO_INVALID', `${file} does not parse`);
    await store.createMission({ file, text, scenario: parsed.scenario, actor: 'drawdown start' });
    io.err(`start: created the MINUSMA 2023 mission in ${store.location}; replaying 2023 up to ${DEMO_DAY} (about half a minute)…`);
    await replay(store, readFileSync('scenarios/minusma-2023.events.jsonl', 'utf8'), 'scenarios/minusma-2023.events.jsonl', {
      actor: 'drawdown start',
      to: DEMO_DAY,
      onStep: (r) => io.err(`start: ${r.date} ${'note' in r ? r.note : r.events}`),
    });
  }
  return run(store, io, values.port, values.host);
}

async function run(store: MissionStore, io: Io, portFlag: string | undefined, hostFlag: string | undefined): Promise<number> {
  const port = Number(portFlag ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DrawdownError('DRW_USAGE', `drawdown serve: --port must be a port number, not "${portFlag ?? process.env.PORT}"`);
  const host = hostFlag ?? process.env.HOST ?? '127.0.0.1';
  if (!existsSync(join(WEB_DIST, 'index.html'))) await buildWeb();
  const signIn = await ensureAdmin(store);
  const app = buildServer({ store, webDir: WEB_DIST });
  await app.listen({ port, host });
  const address = `http://${host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host}:${(app.server.address() as { port: number }).port}`;
  io.err(`Drawdown is serving ${store.location} at ${address}`);
  io.err(signIn);
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await new Promise(() => undefined);
  return 0;
}

/** The first admin: with $DRAWDOWN_ADMIN_PASSWORD, or a one-time password printed once. */
export async function ensureAdmin(store: MissionStore): Promise<string> {
  const users = await store.access.users();
  if (users.length > 0) return `Sign in with your account (${users.length} user${users.length === 1 ? '' : 's'}; add more with \`drawdown user add\`).`;
  const given = process.env.DRAWDOWN_ADMIN_PASSWORD;
  const password = given || newPassword();
  await store.access.addUser({ name: 'admin', passwordHash: await hashPassword(password), role: 'admin', clearance: 'strictly_confidential' });
  return given ? 'Sign in as admin with the password in $DRAWDOWN_ADMIN_PASSWORD.' : `Sign in as admin with the one-time password ${password} (shown only now; add users with \`drawdown user add\`).`;
}
