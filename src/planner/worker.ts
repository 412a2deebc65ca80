// Runs makePlan in a worker thread: HiGHS blocks its thread while it solves, and a server or
// a progress display must keep running meanwhile.
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../domain/scenario/schema.ts';
import type { PlanResult } from './plan.ts';
import type { Pinned } from './schedule.ts';

export type WorkerMessage = { kind: 'progress'; message: string } | { kind: 'done'; result: PlanResult } | { kind: 'error'; message: string };

export type WorkerOptions = { timeLimitSeconds?: number; onProgress?: (m: string) => void; pinned?: Pinned; firstId?: number };

export function planInWorker(scenario: Scenario, options: WorkerOptions = {}): Promise<PlanResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: { scenario, timeLimitSeconds: options.timeLimitSeconds, pinned: options.pinned, firstId: options.firstId },
    });
    // The planner keeps to its time limit; this only guards against a bug that would not.
    const limit = options.timeLimitSeconds ?? 10;
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`the planner did not finish within ${Math.round(limit * 3 + 60)} s of its ${limit} s limit`));
    }, (limit * 3 + 60) * 1000);
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'progress') options.onProgress?.(m.message);
      else {
        clearTimeout(timer);
        if (m.kind === 'done') resolve(m.result);
        else reject(new Error(m.message));
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`planner worker stopped with code ${code}`));
    });
  });
}
