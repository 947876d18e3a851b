// A fuzz context over a mock on port 0 (the built-in mock, a defect variant or a rule variant), for tests that run
// fuzz properties with a few runs each.

import { fuzzContext } from '../../fuzz/context.ts';
import { type PropertyResult, runProperties } from '../../fuzz/run.ts';
import type { FuzzContext, FuzzProperty } from '../../fuzz/types.ts';
import { createSession } from '../../harness/session.ts';
import type { RunningMock } from '../../mock/server.ts';

export const FUZZ_SEED = Number(process.env.UQPAY_SEED ?? 20_240_601);

export interface FuzzHarness {
  fz: FuzzContext;
  /** Runs properties; without shrinking unless asked (a falsification is enough for most tests). */
  run(properties: FuzzProperty[], numRuns: number, shrink?: boolean): Promise<PropertyResult[]>;
  close(): Promise<void>;
}

export async function fuzzHarness(mock: RunningMock): Promise<FuzzHarness> {
  const session = createSession({ baseUrl: mock.baseUrl, kind: 'mock', seed: FUZZ_SEED });
  const fz = await fuzzContext(session);
  return {
    fz,
    run: (properties, numRuns, shrink = false) =>
      runProperties(properties, fz, { seed: FUZZ_SEED, numRuns, baseUrl: mock.baseUrl, concurrency: 4, shrink }),
    close: async () => {
      await session.close();
      await mock.close();
    },
  };
}

/** One line per result that is not the expected outcome, for assertion messages. */
export function unexpected(results: PropertyResult[], outcome: PropertyResult['outcome']): string {
  return results
    .filter((r) => r.outcome !== outcome)
    .map((r) => `${r.name}: ${r.outcome} ${r.reason ?? ''} ${r.counterexample ?? ''}`)
    .join('\n');
}
