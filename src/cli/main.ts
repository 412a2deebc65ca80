// The `drawdown` command: dispatch to a command, and turn every failure into one clear line
// per problem on stderr with an exit code from the error catalogue (2 bad input, 1 failure).
import { DrawdownError, isDrawdownError } from '../domain/errors.ts';
import * as initCmd from './commands/init.ts';
import * as logCmd from './commands/log.ts';
import * as planCmd from './commands/plan.ts';
import * as recordCmd from './commands/record.ts';
import * as validateCmd from './commands/validate.ts';
import * as verifyCmd from './commands/verify.ts';
import * as stateCmd from './commands/state.ts';
import * as advanceCmd from './commands/advance.ts';
import * as replayCmd from './commands/replay.ts';
import * as whatifCmd from './commands/whatif.ts';
import * as serveCmd from './commands/serve.ts';
import * as userCmd from './commands/user.ts';
import * as ingestCmd from './commands/ingest.ts';
import * as reportCmd from './commands/report.ts';
import * as backupCmd from './commands/backup.ts';
import { type Io, processIo } from './io.ts';

type Command = { usage: string; run(argv: string[], io: Io): Promise<number> };

const COMMANDS: Record<string, Command> = {
  validate: { usage: validateCmd.usage, run: validateCmd.validate },
  init: { usage: initCmd.usage, run: initCmd.init },
  log: { usage: logCmd.usage, run: logCmd.log },
  record: { usage: recordCmd.usage, run: recordCmd.record },
  plan: { usage: planCmd.usage, run: planCmd.plan },
  verify: { usage: verifyCmd.usage, run: verifyCmd.verify },
  state: { usage: stateCmd.usage, run: stateCmd.state },
  advance: { usage: advanceCmd.usage, run: advanceCmd.advance },
  replay: { usage: replayCmd.usage, run: replayCmd.replay },
  whatif: { usage: whatifCmd.usage, run: whatifCmd.whatif },
  backups: { usage: '', run: whatifCmd.backups },
  serve: { usage: serveCmd.usage, run: serveCmd.serve },
  start: { usage: '', run: serveCmd.start },
  user: { usage: userCmd.usage, run: userCmd.user },
  ingest: { usage: ingestCmd.usage, run: ingestCmd.ingest },
  report: { usage: reportCmd.usage, run: reportCmd.report },
  backup: { usage: backupCmd.usage, run: backupCmd.backup },
  restore: { usage: '', run: backupCmd.restore },
};

export function helpText(): string {
  return [
    'drawdown — plan and run the withdrawal of a peacekeeping mission',
    '',
    ...Object.values(COMMANDS).filter((c) => c.usage).map((c) => c.usage),
    '',
    'Every command takes --format json for machine output on stdout; messages go to stderr.',
    'The store is --db FILE, else $DRAWDOWN_DB, else ./data/drawdown.db.',
  ].join('\n');
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(helpText());
    return 2;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    io.out(helpText());
    return 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) {
      const known = Object.keys(COMMANDS);
      throw new DrawdownError('DRW_USAGE', `unknown command "${name}" (commands: ${known.join(', ')})`);
    }
    return await command.run(rest, io);
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
