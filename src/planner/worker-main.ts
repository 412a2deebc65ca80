// The worker side of planInWorker.
import { parentPort, workerData } from 'node:worker_threads';
import { makePlan } from './plan.ts';
import type { WorkerMessage } from './worker.ts';

const post = (m: WorkerMessage) => parentPort!.postMessage(m);
try {
  const result = await makePlan(workerData.scenario, {
    timeLimitSeconds: workerData.timeLimitSeconds,
    pinned: workerData.pinned,
    firstId: workerData.firstId,
    onProgress: (message) => post({ kind: 'progress', message }),
  });
  post({ kind: 'done', result });
} catch (e) {
  post({ kind: 'error', message: (e as Error).message });
}
