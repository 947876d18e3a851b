// npm run conformance's built-in mock runs on a thread of its own (mock/thread.ts), started before vitest loads: the
// mock's modules load and its server starts on the other core while vitest starts on this one, and during the run it
// answers on its own thread while this one serves vitest. The global setup's preflight finds it by its URL.

import { builtinMockOptions } from '../mock/options.ts';
import { startThreadMock, type ThreadMock } from '../mock/thread.ts';
import type { ConformanceRun } from '../suites/target.ts';

/** Starts the built-in mock when the run's target is it; null for any other target. */
export function startBuiltinMock(run: ConformanceRun): Promise<ThreadMock> | null {
  if (!run.config.target.builtIn) return null;
  return startThreadMock(builtinMockOptions(run.config.seed, run.mockFaults));
}
