// The worker thread's entry: plain JavaScript, because a worker does not inherit the main thread's TypeScript
// loader; it registers tsx for itself, then loads the worker (mock/thread-worker.ts).

import { register } from 'tsx/esm/api';

register();
await import('./thread-worker.ts');
