// The guards of an unattended job that need the target: --expect-target (before the target is contacted, and once
// the global setup resolved it) and a --baseline from another kind of target. Each is one ConfigError line, exit 2.

import type { TargetKind } from '../contract/request.ts';
import { ConfigError, type TargetSetting } from '../harness/config.ts';

/** --expect-target: what a nightly job insists the target resolves to. */
export type ExpectedTarget = 'sandbox' | 'mock' | 'any';

/** --expect-target, before the target is contacted (the built-in mock) and once it is resolved (a URL). */
export function checkExpectedTarget(
  expected: ExpectedTarget,
  target: TargetSetting | { kind: TargetKind; baseUrl: string },
): void {
  if (expected === 'any') return;
  if ('builtIn' in target && target.builtIn) {
    if (expected !== 'mock')
      throw new ConfigError(
        `--expect-target ${expected}, but UQPAY_BASE_URL is empty, so the target would be the built-in mock`,
      );
    return;
  }
  // A host that cannot be the sandbox is refused before any credential is sent to it.
  const setting = 'builtIn' in target;
  if (setting && expected === 'sandbox' && !new URL(target.baseUrl).hostname.includes('sandbox'))
    throw new ConfigError(
      `--expect-target sandbox, but UQPAY_BASE_URL names ${new URL(target.baseUrl).host}, which is not the sandbox`,
    );
  if (setting || target.kind === expected) return;
  throw new ConfigError(
    `--expect-target ${expected}, but the target at ${new URL(target.baseUrl).host} is ${target.kind === 'other' ? 'neither a mock nor the sandbox' : `a ${target.kind}`}`,
  );
}

/** A baseline from another kind of target is refused once the target is known, before any case runs. */
export function checkBaselineTarget(baselineTarget: string | null, kind: string): void {
  if (baselineTarget !== null && baselineTarget !== kind)
    throw new ConfigError(
      `the baseline ran against a ${baselineTarget} target and this run is against a ${kind} target; compare runs of one kind`,
    );
}
