// Where a command writes: stdout for results (JSON alone there with --format json), stderr for
// progress, logs and errors. Tests pass their own.
export type Io = {
  out(text: string): void;
  err(text: string): void;
};

export const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};
