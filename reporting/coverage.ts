// Coverage of the documented error contract: for every entry and every documented (entry, operation) pair (a
// general row counts once, as "<entry>|*"), whether this run provoked it and the target answered as documented,
// provoked it and got something else, could not provoke it on this target (with the reason or the setting that
// would), or did not run it. The conformant share of pairs is the figure --min-coverage gates on.

import type { Catalog } from '../catalog/load.ts';
import type { SkipCategory } from '../contract/fixture-provider.ts';
import { MOCK_ONLY, unlockingSetting } from './skip-groups.ts';

export type CoverageState = 'conformant' | 'wrong' | 'not_provokable' | 'not_run';

export interface CoverageCounts {
  total: number;
  conformant: number;
  wrong: number;
  not_provokable: number;
  not_run: number;
  /** conformant ÷ total, in percent, one decimal. */
  percent: number;
}

export interface UncoveredPair {
  entry: string;
  /** The operation, or "*" for a general row. */
  operation: string;
  state: Exclude<CoverageState, 'conformant'>;
  /** Why: the failed checks, the skip reason, the error, or "not selected". */
  reason: string;
  /** The setting that would make it provokable (UQPAY_FIXTURE_…, or the built-in mock), when known. */
  setting?: string;
}

export interface Coverage {
  entries: CoverageCounts;
  pairs: CoverageCounts;
  /** Pairs per catalog section. */
  sections: Record<string, CoverageCounts>;
  /** Every pair that is not conformant, with its reason. */
  uncovered: UncoveredPair[];
}

export interface CoverageCase {
  entry: string;
  operation: string;
  outcome: string;
  reason: string;
  /** A skip's category as data (contract/fixture-provider.ts): what would unlock it. */
  skip?: SkipCategory;
}

/** How a group of cases (a pair's or an entry's) counts. A known deviation is provoked and wrong. */
function stateOf(cases: readonly CoverageCase[]): { state: CoverageState; reason: string; setting?: string } {
  const wrong = cases.find((c) => c.outcome === 'fail' || c.outcome === 'deviation');
  if (wrong) return { state: 'wrong', reason: wrong.reason };
  if (cases.some((c) => c.outcome === 'pass')) return { state: 'conformant', reason: '' };
  const skipped = cases.find((c) => c.outcome === 'skip' || c.outcome === 'not_applicable');
  if (skipped) {
    const setting = skipSetting(skipped);
    return { state: 'not_provokable', reason: skipped.reason, ...(setting ? { setting } : {}) };
  }
  const errored = cases.find((c) => c.outcome === 'error');
  if (errored) return { state: 'not_run', reason: `error: ${errored.reason}` };
  return { state: 'not_run', reason: 'not selected in this run' };
}

/** The setting (or the built-in mock, a fresh mock) that would unlock a skipped case, from its category. */
export function skipSetting(c: CoverageCase): string | undefined {
  const unlock = unlockingSetting(c);
  if (unlock !== c.reason) return unlock;
  return c.outcome === 'not_applicable' ? MOCK_ONLY : undefined;
}

function counts(states: readonly CoverageState[]): CoverageCounts {
  const n = (s: CoverageState) => states.filter((x) => x === s).length;
  const total = states.length;
  const conformant = n('conformant');
  return {
    total,
    conformant,
    wrong: n('wrong'),
    not_provokable: n('not_provokable'),
    not_run: n('not_run'),
    percent: total === 0 ? 0 : Math.floor((conformant / total) * 1000) / 10,
  };
}

export function buildCoverage(catalog: Catalog, cases: readonly CoverageCase[]): Coverage {
  const byPair = new Map<string, CoverageCase[]>();
  const byEntry = new Map<string, CoverageCase[]>();
  for (const c of cases) {
    const general = catalog.entryById.get(c.entry)?.operations === '*';
    const key = `${c.entry}|${general ? '*' : c.operation}`;
    byPair.set(key, [...(byPair.get(key) ?? []), c]);
    byEntry.set(c.entry, [...(byEntry.get(c.entry) ?? []), c]);
  }
  const entryStates: CoverageState[] = [];
  const pairStates: CoverageState[] = [];
  const bySection = new Map<string, CoverageState[]>();
  const uncovered: UncoveredPair[] = [];
  for (const entry of catalog.entries) {
    entryStates.push(stateOf(byEntry.get(entry.id) ?? []).state);
    for (const operation of entry.operations === '*' ? ['*'] : entry.operations) {
      const judged = stateOf(byPair.get(`${entry.id}|${operation}`) ?? []);
      pairStates.push(judged.state);
      bySection.set(entry.section, [...(bySection.get(entry.section) ?? []), judged.state]);
      if (judged.state !== 'conformant') uncovered.push({ entry: entry.id, operation, ...judged, state: judged.state });
    }
  }
  return {
    entries: counts(entryStates),
    pairs: counts(pairStates),
    sections: Object.fromEntries([...bySection].map(([section, states]) => [section, counts(states)])),
    uncovered,
  };
}

export interface GapGroup {
  /** "need UQPAY_FIXTURE_POOL_CARDS", "provoked and wrong", "not run: …". */
  label: string;
  pairs: number;
}

/** Uncovered pairs grouped by what is missing, largest first: the setting to add, wrong answers, errors, not run. */
export function gapGroups(coverage: Coverage): GapGroup[] {
  const groups = new Map<string, number>();
  for (const pair of coverage.uncovered) {
    const label =
      pair.state === 'wrong'
        ? 'provoked and wrong'
        : pair.state === 'not_provokable'
          ? pair.setting === MOCK_ONLY
            ? 'only the built-in mock can provoke'
            : pair.setting
              ? `need ${pair.setting}`
              : `not provokable: ${pair.reason}`
          : pair.reason.startsWith('error:')
            ? 'errored (environment)'
            : 'not run (not selected)';
    groups.set(label, (groups.get(label) ?? 0) + 1);
  }
  return [...groups]
    .map(([label, pairs]) => ({ label, pairs }))
    .sort((a, b) => b.pairs - a.pairs || a.label.localeCompare(b.label));
}

/** "coverage 41.2 % of 380 documented pairs conformant (…)": the one line of the summaries. */
export function coverageLine(coverage: Coverage): string {
  const { pairs, entries } = coverage;
  return (
    `coverage: ${pairs.percent} % of ${pairs.total} documented (entry, operation) pairs conformant` +
    ` (${pairs.wrong} wrong, ${pairs.not_provokable} not provokable here, ${pairs.not_run} not run);` +
    ` entries ${entries.conformant}/${entries.total}`
  );
}

/** The --min-coverage verdict: null when met, else one line naming the biggest missing groups. */
export function minCoverageProblem(coverage: Coverage, minimum: number): string | null {
  if (coverage.pairs.percent >= minimum) return null;
  const biggest = gapGroups(coverage)
    .slice(0, 3)
    .map((g) => `${g.pairs} ${g.label}`)
    .join('; ');
  return `coverage ${coverage.pairs.percent} % of ${coverage.pairs.total} pairs is below --min-coverage ${minimum} %; biggest gaps: ${biggest}`;
}
