// The unit project's file order: the files that take longest start first, so that the last ones to start are short
// and both cores stay busy to the end. vitest's own order (BaseSequencer) puts the longest first only once its cache
// holds this machine's durations; a fresh clone (CI) has none and would go by file size, which starts the 10,000-request
// fuzz or the packed-package install last. These files lead, in this order; the rest follow in vitest's order.
// A stale list only costs time, never a result.

import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Longest first (per-file wall of npm test on the 2-core machine), with the files that partly wait (conformance-cli: a
 * spawned run's real retry backoffs, then the shared runs; mock-faults and slow-settlement: latency and settling)
 * early enough that their waiting overlaps CPU work rather than ending the run.
 */
export const SLOW_FILES = [
  'test/package/installed-package.test.ts',
  'test/fuzz/kill-rate.test.ts',
  'test/cli/conformance-cli.test.ts',
  'test/mock/fuzz.test.ts',
  'test/suites/full-run.test.ts',
  'test/cli/unattended.test.ts',
  'test/cli/mock-faults.test.ts',
  'test/cli/fuzz-cli.test.ts',
  'test/cli/replay.test.ts',
  'test/cli/vitest-direct.test.ts',
  'test/generators/slow-settlement.test.ts',
  'test/suites/selfcheck.test.ts',
  'test/reporting/clusters-of-a-real-run.test.ts',
  'test/fuzz/rule-variants.test.ts',
];

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const inVitestOrder = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const at = SLOW_FILES.findIndex((slow) => file.moduleId.endsWith(`/${slow}`));
      return at === -1 ? SLOW_FILES.length : at;
    };
    // Array.prototype.sort is stable: the files not listed keep vitest's order.
    return [...inVitestOrder].sort((a, b) => rank(a) - rank(b));
  }
}
