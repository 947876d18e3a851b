// The worker side of mock/thread.ts: starts the mock with the options it was given, reports its base URL, and closes
// it when asked.

import { parentPort, workerData } from 'node:worker_threads';
import type { MockOptions } from './options.ts';
import { startMock } from './server.ts';

const mock = await startMock(workerData as Partial<MockOptions>);
parentPort?.on('message', (message) => {
  if (message === 'close') void mock.close().then(() => parentPort?.close());
});
parentPort?.postMessage({ baseUrl: mock.baseUrl });
