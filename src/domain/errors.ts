// One catalogue of the errors a user can meet, with stable codes. Each code carries its HTTP
// status (for the server) and its exit code (for the CLI), and a hint that says what to do.
export const ERRORS = {
  DRW_SCENARIO_INVALID: { status: 400, exit: 2, hint: 'fix the lines listed and run `drawdown validate` again' },
  DRW_FILE_UNREADABLE: { status: 400, exit: 2, hint: 'check the path and that the file can be read' },
  DRW_USAGE: { status: 400, exit: 2, hint: 'run `drawdown help` for the commands and their options' },
  DRW_MISSION_EXISTS: { status: 409, exit: 2, hint: 'pass --force to replace it, or choose another --db' },
  DRW_OUTPUT_EXISTS: { status: 409, exit: 2, hint: 'choose another file, or pass --force to replace it' },
  DRW_NO_MISSION: { status: 404, exit: 2, hint: 'create one with `drawdown init SCENARIO --db FILE`' },
  DRW_STORE_UNOPENABLE: { status: 500, exit: 2, hint: 'check the --db path, its folder and its permissions' },
  DRW_STORE_NEWER: { status: 500, exit: 2, hint: 'this store was written by a newer Drawdown: upgrade Drawdown' },
  DRW_EVENT_INVALID: { status: 400, exit: 2, hint: 'fix the event fields listed and record again' },
  DRW_EVENT_CONFLICT: { status: 409, exit: 2, hint: 'the event contradicts the log; check the mission state first' },
  DRW_LOG_BROKEN: { status: 500, exit: 1, hint: 'restore the store from a backup; the log was changed outside Drawdown' },
  DRW_PLAN_INVALID: { status: 400, exit: 2, hint: 'the plan file does not have the plan shape; produce it with `drawdown plan --format json`' },
  DRW_NO_PLAN: { status: 404, exit: 2, hint: 'make one with `drawdown plan --db FILE`' },
  DRW_PLAN_STALE: { status: 409, exit: 2, hint: 're-plan with `drawdown plan --db FILE`, then advance again' },
  DRW_STATE_OUT_OF_RANGE: { status: 400, exit: 2, hint: 'choose a date between the mission\'s start and end' },
  DRW_UNAUTHENTICATED: { status: 401, exit: 2, hint: 'sign in first' },
  DRW_SIGN_IN_FAILED: { status: 401, exit: 2, hint: 'check the user name and password' },
  DRW_RATE_LIMITED: { status: 429, exit: 2, hint: 'wait a few minutes before trying again' },
  DRW_FORBIDDEN: { status: 403, exit: 2, hint: 'ask an administrator for a role that allows it' },
  DRW_CSRF: { status: 403, exit: 2, hint: 'reload the page: the request lacked the session\'s x-csrf-token header' },
  DRW_NOT_FOUND: { status: 404, exit: 2, hint: 'check the address' },
  DRW_BAD_REQUEST: { status: 400, exit: 2, hint: 'fix the fields listed' },
  DRW_INFEASIBLE: { status: 422, exit: 1, hint: 'move the deadline, add trucks or escorts, or open another leg' },
  DRW_INTERNAL: { status: 500, exit: 1, hint: 'this is a bug in Drawdown; please report it with the command you ran' },
} as const satisfies Record<string, { status: number; exit: number; hint: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** An error a user can cause or act on. `lines` holds one line per problem (e.g. per field). */
export class DrawdownError extends Error {
  readonly code: ErrorCode;
  readonly lines: string[];
  constructor(code: ErrorCode, message: string, lines: string[] = []) {
    super(message);
    this.name = 'DrawdownError';
    this.code = code;
    this.lines = lines;
  }
  get status(): number {
    return ERRORS[this.code].status;
  }
  get exitCode(): number {
    return ERRORS[this.code].exit;
  }
  get hint(): string {
    return ERRORS[this.code].hint;
  }
}

export function isDrawdownError(e: unknown): e is DrawdownError {
  return e instanceof DrawdownError;
}
