// Skipped cases grouped by what would unlock them: the UQPAY_FIXTURE_* setting the skip carries as data
// (contract/fixture-provider.ts SkipCategory), the built-in mock for states only it can create, a fresh mock for
// states it ran out of, or, for a skip that carries no category (an older results.json), its reason as written.
// A reader of a sandbox run then sees "UQPAY_FIXTURE_POOL_CARDS unlocks 69 cases" instead of 69 lines.

import type { SkipCategory } from '../contract/fixture-provider.ts';

export const MOCK_ONLY = 'the built-in mock (leave UQPAY_BASE_URL empty)';
export const FRESH_MOCK = 'a fresh mock (restart it)';

/** A skipped case as the reports see it: the reason for people, the category for grouping. */
export interface SkippedCase {
  reason: string;
  skip?: SkipCategory;
}

/** What would unlock a skipped case, read from its category. */
export function unlockingSetting(c: SkippedCase): string {
  if (c.skip?.setting) return c.skip.setting;
  if (c.skip?.kind === 'not-applicable') return MOCK_ONLY;
  if (c.skip?.kind === 'mock-exhausted') return FRESH_MOCK;
  return c.reason;
}

export interface SkipGroup<T> {
  unlock: string;
  cases: T[];
}

/** Groups by unlocking setting, largest group first (ties by name, so the order is stable). */
export function groupSkips<T extends SkippedCase & { outcome: string }>(cases: readonly T[]): SkipGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const c of cases) {
    if (c.outcome !== 'skip') continue;
    const unlock = unlockingSetting(c);
    groups.set(unlock, [...(groups.get(unlock) ?? []), c]);
  }
  return [...groups]
    .map(([unlock, members]) => ({ unlock, cases: members }))
    .sort((a, b) => b.cases.length - a.cases.length || a.unlock.localeCompare(b.unlock));
}

/** The skipped element's message: the reason and, when something unlocks it, what. */
export function skipMessage(c: SkippedCase): string {
  const unlock = unlockingSetting(c);
  if (unlock === c.reason) return c.reason;
  return `${c.reason} (unlocked by ${unlock})`;
}
