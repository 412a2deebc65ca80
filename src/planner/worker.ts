// Runs makePlan in a worker thread: HiGHS blocks its thread while it solves, and a server or
// a progress display must keep running meanwhile. One worker is kept for the life of the
// process and serves requests one at a time, so a re-plan does not pay the worker's start-up
// (loading the planner takes longer than a small re-plan). It holds the process open only while
// it works.
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../domain/scenario/schema.ts';
import type { PlanResult } from './plan.ts';
import type { Pinned } from './schedule.ts';

export type WorkerRequest = { id: number; scenario: Scenario; timeLimitSeconds?: number; pinned?: Pinned; firstId?: number };
export type WorkerMessage = { id: number } & ({ kind: 'progress'; message: string } | { kind: 'done'; result: PlanResult } | { kind: 'error'; message: string });

export type WorkerOptions = { timeLimitSeconds?: number; onProgress?: (m: string) => void; pinned?: Pinned; firstId?: number };

type Pending = { request: WorkerRequest; onProgress?: (m: string) => void; resolve: (r: PlanResult) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let busy: Pending | null = null;
let timer: NodeJS.Timeout | null = null;
const queue: Pending[] = [];
let nextId = 1;

export function planInWorker(scenario: Scenario, options: WorkerOptions = {}): Promise<PlanResult> {
  return new Promise((resolve, reject) => {
    queue.push({ request: { id: nextId++, scenario, timeLimitSeconds: options.timeLimitSeconds, pinned: options.pinned, firstId: options.firstId }, onProgress: options.onProgress, resolve, reject });
    pump();
  });
}

function start(): Worker {
  const w = new Worker(new URL('./worker-entry.mjs', import.meta.url));
  w.on('message', (m: WorkerMessage) => {
    if (!busy || m.id !== busy.request.id) return;
    if (m.kind === 'progress') {
      busy.onProgress?.(m.message);
      return;
    }
    const done = busy;
    finish();
    if (m.kind === 'done') done.resolve(m.result);
    else done.reject(new Error(m.message));
  });
  w.on('error', (e) => fail(e));
  w.on('exit', (code) => {
    worker = null;
    if (busy) fail(new Error(`planner worker stopped with code ${code}`));
  });
  return w;
}

function pump(): void {
  if (busy || queue.length === 0) return;
  busy = queue.shift()!;
  worker ??= start();
  worker.ref();
  // The planner keeps to its time limit; this only guards against a bug that would not.
  const limit = busy.request.timeLimitSeconds ?? 10;
  timer = setTimeout(() => {
    const w = worker;
    fail(new Error(`the planner did not finish within ${Math.round(limit * 3 + 60)} s of its ${limit} s limit`));
    void w?.terminate();
  }, (limit * 3 + 60) * 1000);
  worker.postMessage(busy.request);
}

function finish(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  busy = null;
  if (queue.length === 0) worker?.unref();
  pump();
}

function fail(e: Error): void {
  const failed = busy;
  finish();
  failed?.reject(e);
}
