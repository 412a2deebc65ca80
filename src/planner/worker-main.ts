// The worker side of planInWorker: one request at a time, progress and result tagged with its id.
import { parentPort } from 'node:worker_threads';
import { makePlan } from './plan.ts';
import type { WorkerMessage, WorkerRequest } from './worker.ts';

const post = (m: WorkerMessage) => parentPort!.postMessage(m);
parentPort!.on('message', async (r: WorkerRequest) => {
  try {
    const result = await makePlan(r.scenario, {
      timeLimitSeconds: r.timeLimitSeconds,
      pinned: r.pinned,
      firstId: r.firstId,
      onProgress: (message) => post({ id: r.id, kind: 'progress', message }),
    });
    post({ id: r.id, kind: 'done', result });
  } catch (e) {
    post({ id: r.id, kind: 'error', message: (e as Error).message });
  }
});
