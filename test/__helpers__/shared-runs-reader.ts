// The tests' side of the shared conformance runs (shared-runs.ts, the unit project's global setup): asks the setup's
// loopback server, which answers once the runs are done.

import { request } from 'undici';
import { inject } from 'vitest';
import type { SharedRuns } from './shared-runs.ts';

let asked: Promise<SharedRuns> | undefined;

/** The shared runs, once done (asked once per worker). Call it in a beforeAll given SHARED_RUNS_WAIT_MS (shared-runs.ts). */
export function sharedRuns(): Promise<SharedRuns> {
  asked ??= (async () => {
    const response = await request(inject('sharedRunsUrl'), { headersTimeout: 0, bodyTimeout: 0 });
    const body = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`the shared conformance runs failed: ${body}`);
    return JSON.parse(body) as SharedRuns;
  })();
  return asked;
}
