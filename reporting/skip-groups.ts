// Skipped cases grouped by what would unlock them: the UQPAY_FIXTURE_* setting named in the skip reason
// (harness/fixtures.ts FixtureMissing), the built-in mock for states only it can create, or the reason itself.
// A reader of a sandbox run then sees "UQPAY_FIXTURE_POOL_CARDS unlocks 69 cases" instead of 69 lines.

export const MOCK_ONLY = 'the built-in mock (leave UQPAY_BASE_URL empty)';

/** What would unlock a skipped case, read from its reason. */
export function unlockingSetting(reason: string): string {
  const setting = /\bset (UQPAY_[A-Z0-9_]+)/u.exec(reason)?.[1];
  if (setting) return setting;
  if (/only the built-in mock can provide/u.test(reason)) return MOCK_ONLY;
  return reason;
}

export interface SkipGroup<T> {
  unlock: string;
  cases: T[];
}

/** Groups by unlocking setting, largest group first (ties by name, so the order is stable). */
export function groupSkips<T extends { outcome: string; reason: string }>(cases: readonly T[]): SkipGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const c of cases) {
    if (c.outcome !== 'skip') continue;
    const unlock = unlockingSetting(c.reason);
    groups.set(unlock, [...(groups.get(unlock) ?? []), c]);
  }
  return [...groups]
    .map(([unlock, members]) => ({ unlock, cases: members }))
    .sort((a, b) => b.cases.length - a.cases.length || a.unlock.localeCompare(b.unlock));
}

/** The skipped element's message: the reason and, when it is a setting, what to do. */
export function skipMessage(reason: string): string {
  const unlock = unlockingSetting(reason);
  if (unlock === reason) return reason;
  return `${reason} (unlocked by ${unlock})`;
}
