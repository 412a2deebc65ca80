// Work asked for again and again, where only the latest result matters (re-planning the backup
// plans after each recorded event): at most one run at a time, and one more after it if asked
// meanwhile, however many times.

export function coalesced(work: () => Promise<unknown>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      await work().catch(() => undefined);
    } while (again);
    running = null;
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = run();
    return running;
  };
}
