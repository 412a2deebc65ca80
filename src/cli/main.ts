// The `drawdown` command: dispatch to a command, and turn every failure into one clear line
// per problem on stderr with an exit code from the error catalogue (2 bad input, 1 failure).
import { DrawdownError, isDrawdownError } from '../domain/errors.ts';
import { type Io, processIo } from './io.ts';

type Command = { usage: string; run(argv: string[], io: Io): Promise<number> };

// Each command is loaded only when it runs: `log verify` need not load the planner, the web
// server, Chromium's driver or the gazetteer, and starts in a fraction of the time.
const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => { const m = await import('./commands/validate.ts'); return { usage: m.usage, run: m.validate }; },
  init: async () => { const m = await import('./commands/init.ts'); return { usage: m.usage, run: m.init }; },
  log: async () => { const m = await import('./commands/log.ts'); return { usage: m.usage, run: m.log }; },
  record: async () => { const m = await import('./commands/record.ts'); return { usage: m.usage, run: m.record }; },
  plan: async () => { const m = await import('./commands/plan.ts'); return { usage: m.usage, run: m.plan }; },
  verify: async () => { const m = await import('./commands/verify.ts'); return { usage: m.usage, run: m.verify }; },
  state: async () => { const m = await import('./commands/state.ts'); return { usage: m.usage, run: m.state }; },
  advance: async () => { const m = await import('./commands/advance.ts'); return { usage: m.usage, run: m.advance }; },
  replay: async () => { const m = await import('./commands/replay.ts'); return { usage: m.usage, run: m.replay }; },
  whatif: async () => { const m = await import('./commands/whatif.ts'); return { usage: m.usage, run: m.whatif }; },
  backups: async () => { const m = await import('./commands/whatif.ts'); return { usage: '', run: m.backups }; },
  serve: async () => { const m = await import('./commands/serve.ts'); return { usage: m.usage, run: m.serve }; },
  start: async () => { const m = await import('./commands/serve.ts'); return { usage: '', run: m.start }; },
  user: async () => { const m = await import('./commands/user.ts'); return { usage: m.usage, run: m.user }; },
  ingest: async () => { const m = await import('./commands/ingest.ts'); return { usage: m.usage, run: m.ingest }; },
  report: async () => { const m = await import('./commands/report.ts'); return { usage: m.usage, run: m.report }; },
  backup: async () => { const m = await import('./commands/backup.ts'); return { usage: m.usage, run: m.backup }; },
  restore: async () => { const m = await import('./commands/backup.ts'); return { usage: '', run: m.restore }; },
};

export async function helpText(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return [
    'drawdown — plan and run the withdrawal of a peacekeeping mission',
    '',
    ...commands.filter((c) => c.usage).map((c) => c.usage),
    '',
    'Every command takes --format json for machine output on stdout; messages go to stderr.',
    'The store is --db FILE (or a postgres:// URL), else $DRAWDOWN_DATABASE_URL or $DRAWDOWN_DB, else ./data/drawdown.db.',
  ].join('\n');
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(await helpText());
    return 2;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    io.out(await helpText());
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!load) {
      const known = Object.keys(COMMANDS);
      throw new DrawdownError('DRW_USAGE', `unknown command "${name}" (commands: ${known.join(', ')})`);
    }
    return await (await load()).run(rest, io);
  } catch (e) {
    return report(e, io);
  }
}

function report(e: unknown, io: Io): number {
  if (isDrawdownError(e)) {
    // One line per problem, then the summary with the code and what to do.
    for (const line of e.lines) io.err(line);
    io.err(`drawdown: ${e.message} (${e.code}) — ${e.hint}`);
    return e.exitCode;
  }
  const err = e as Error;
  io.err(`drawdown: internal error: ${err?.message ?? String(e)} (DRW_INTERNAL) — this is a bug in Drawdown; please report it with the command you ran`);
  if (process.env.DRAWDOWN_DEBUG) io.err(err?.stack ?? '');
  return 1;
}
