// The exit code of a finished conformance run, in one place, so the summaries (console, Markdown) and the process
// agree: interrupted 130/143; cards left live 2 (never accepted); gating failures 1 (a leak always gates; known
// deviations and pending pairs do not); environment errors 2; skips under --fail-on-skip 1; then the gates
// (baseline regressions, stale or expired deviations, --min-coverage) 1; else 0.

import { gatingFailures } from '../reporting/pending.ts';
import type { RunResults } from '../reporting/results.ts';

export interface VerdictInput {
  results: RunResults;
  /** Exit code of a signal that interrupted the run; null when it ran to its end. */
  interruptedCode: number | null;
  failOnSkip: boolean;
  /** A gate after the run failed (baseline, deviations file, --min-coverage). */
  gateFailed: boolean;
}

/** The code and, where the run ends for a reason the summary does not already state, the one line to print. */
export function runVerdict({ results, interruptedCode, failOnSkip, gateFailed }: VerdictInput): {
  code: number;
  line: string | null;
} {
  const { cases } = results.summary;
  if (interruptedCode !== null) return { code: interruptedCode, line: null };
  if (results.cleanup?.left.length) return { code: 2, line: null };
  if (gatingFailures(results) > 0) return { code: 1, line: null };
  if (cases.errored > 0) {
    // One cause behind every error (a credential clash, an unreachable target): say it once.
    const causes = new Set(results.cases.filter((c) => c.outcome === 'error').map((c) => c.reason));
    const cause = causes.size === 1 ? `: ${[...causes][0]}` : '';
    return { code: 2, line: `${cases.errored} cases could not be judged because the environment failed${cause}` };
  }
  if (failOnSkip && cases.skipped > 0) return { code: 1, line: `${cases.skipped} cases were skipped (--fail-on-skip)` };
  return { code: gateFailed ? 1 : 0, line: null };
}
