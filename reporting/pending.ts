// Pending, then ratchet: with --history, a documented pair that has never passed on this kind of target is
// "pending" — its failures are reported but do not gate, so a nightly job can start on a sandbox that cannot yet
// do everything. From the pair's first pass on, any failure gates again. A leak is never pending.

import type { Catalog } from '../catalog/load.ts';
import type { HistoryLine } from './history.ts';
import { isLeak } from './never-forgiven.ts';
import { type PendingReport, pairKey, type RunResults } from './results.ts';

/** Pairs that passed at least once in the history's runs against this kind of target. */
export function passedPairs(history: readonly HistoryLine[], target: string, catalog: Catalog): Set<string> {
  const passed = new Set<string>();
  for (const line of history) {
    if (line.target !== target) continue;
    if (line.pairs) {
      for (const [pair, outcome] of Object.entries(line.pairs)) if (outcome === 'pass') passed.add(pair);
      continue;
    }
    // An older line knows entries only: an entry that passed passed on every pair it ran.
    for (const [entry, outcome] of Object.entries(line.entries)) {
      const known = catalog.entryById.get(entry);
      if (outcome !== 'pass' || !known) continue;
      for (const op of known.operations === '*' ? ['*'] : known.operations) passed.add(`${entry}|${op}`);
    }
  }
  return passed;
}

/** Marks the failures of never-passed pairs as pending (case.pending) and adds the pending report, when any. */
export function markPending(results: RunResults, catalog: Catalog, history: readonly HistoryLine[]): RunResults {
  const passed = passedPairs(history, results.run.target, catalog);
  const byPair = new Map<string, string[]>();
  const cases = results.cases.map((c) => {
    const pair = pairKey(catalog, c);
    if (c.outcome !== 'fail' || passed.has(pair) || isLeak(c)) return c;
    byPair.set(pair, [...(byPair.get(pair) ?? []), c.title]);
    return { ...c, pending: true as const };
  });
  const pending: PendingReport = {
    pairs: [...byPair].map(([pair, titles]) => ({ pair, cases: titles })),
    cases: [...byPair.values()].reduce((n, titles) => n + titles.length, 0),
    earlier_runs: history.filter((l) => l.target === results.run.target).length,
  };
  // Absent when nothing is pending, like the deviations report when no deviation applies.
  return pending.cases ? { ...results, cases, pending } : results;
}

/** Failures that gate: every failure that is not pending. */
export function gatingFailures(results: RunResults): number {
  return results.cases.filter((c) => c.outcome === 'fail' && !c.pending).length;
}

export function pendingLine(results: RunResults): string | null {
  const p = results.pending;
  if (!p || p.cases === 0) return null;
  return `${p.cases} failing cases in ${p.pairs.length} pairs are pending (never passed on a ${results.run.target} target in ${p.earlier_runs} earlier runs of the history): reported, not gating`;
}
