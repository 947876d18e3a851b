// The one place a case's result is redacted before it leaves the harness (reporter, stdout, every report file).

import type { FailedCheck, Seen } from './judge.ts';
import { redactText, redactValue } from './redact.ts';

export function redactCaseResult<T extends { reason: string; checks: FailedCheck[]; observed: Seen | null }>(
  result: T,
): T {
  return {
    ...result,
    reason: redactText(result.reason),
    checks: result.checks.map((c) => redactValue(c) as FailedCheck),
    observed: result.observed === null ? null : (redactValue(result.observed) as Seen),
  };
}
