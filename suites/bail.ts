// --bail <n>: once n cases failed or errored, the remaining tests skip without sending anything and are left out
// of the reports, as cases a selection leaves out are. Counted here rather than with vitest's own bail, whose count
// races the reporting of the test that just failed and can stop one failure early.

import type { Outcome } from '../harness/judge.ts';

export function bailGuard(bail: number | null) {
  const limit = bail ?? 0;
  let failures = 0;
  return {
    /** Why the remaining tests skip; null while the run goes on. */
    get stopReason(): string | null {
      return limit > 0 && failures >= limit ? `--bail ${limit}: ${failures} cases failed or errored` : null;
    },
    record(outcome: Outcome): void {
      if (outcome === 'fail' || outcome === 'error') failures++;
    },
  };
}
