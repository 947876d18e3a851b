// The built-in mock on a thread of its own: npm run fuzz sends thousands of small requests, and a mock in the same
// thread as the fuzzer takes turns with it on one core; on its own thread the mock answers while the fuzzer builds
// and judges the next cases. The worker runs mock/thread-worker.ts; the mock is reached over loopback as usual.

import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { MockOptions } from './options.ts';

export interface ThreadMock {
  baseUrl: string;
  close(): Promise<void>;
}

export async function startThreadMock(options: Partial<MockOptions>): Promise<ThreadMock> {
  // Compiled (dist/), the worker's own compiled file; from the sources, an entry that registers tsx in the worker
  // (a worker does not inherit the main thread's loader).
  const entry = import.meta.url.endsWith('.js') ? './thread-worker.js' : './thread-worker.mjs';
  const worker = new Worker(new URL(entry, import.meta.url), { workerData: options });
  const [message] = (await Promise.race([
    once(worker, 'message'),
    once(worker, 'error').then(([e]) => Promise.reject(e)),
  ])) as [{ baseUrl: string }];
  return {
    baseUrl: message.baseUrl,
    close: async () => {
      worker.postMessage('close');
      await once(worker, 'exit');
    },
  };
}
