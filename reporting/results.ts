// Turns the cases of a run into reports/results.json: run facts, totals per entry, per documented pair and per
// case, every case with expected and observed values, and the undocumented answers seen along the way, each with
// the case that received it (or the shared arranged value whose build did). An entry or a pair passes only when
// every one of its cases passed; any failure, error or skip shows. Fields that are timing by nature sit in the
// `timing` objects of the run and of each case (the older run.started_at, run.duration_ms and cases[].duration_ms
// repeat them for existing readers): two runs with the same seed against equal targets differ only there.

import type { Catalog } from '../catalog/load.ts';
import type { Outcome } from '../harness/judge.ts';
import type { Undocumented } from '../harness/session.ts';
import { type ShapesSection, summariseShapes } from '../harness/shapes.ts';
import type { CaseMeta, SharedArrangeMeta } from '../suites/case-meta.ts';
import { type ClusterCase, type FailureCluster, failureClusters } from './clusters.ts';
import { buildCoverage, type Coverage, type CoverageCase } from './coverage.ts';
import type { AppliedDeviation, DeviationReport } from './deviation-types.ts';
import { buildDrift, type Drift } from './drift.ts';

export interface Totals {
  total: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  /** Failures matched by an unexpired entry of conformance.deviations.json: neither pass nor failure. */
  deviations: number;
  /** Skips of cases only a mock can provoke (an armed fault, a mock-only fixture) on a target that is not one. */
  not_applicable: number;
}

/** A case's outcome in a report: the judge's four, plus the two that reporting/outcomes.ts derives from them. */
export type CaseOutcome = Outcome | 'deviation' | 'not_applicable';

export interface RunFacts {
  target: string;
  base_url_host: string;
  seed: number;
  started_at: string;
  duration_ms: number;
  requests: number;
  catalog_sha256: string;
  /** The cases were a selection (--filter, --only, --shard), e.g. "--only card --shard 1/3"; absent: every case. */
  selection?: string;
  /** Timing by nature: when the run started and how long it took (the same as started_at and duration_ms). */
  timing?: RunTiming;
}

export interface RunTiming {
  started_at: string;
  duration_ms: number;
  /** Status polls while waiting for resources to settle (not in requests). */
  polls?: number;
}

/** A case's timing by nature: how long it took, and each earlier attempt that errored (harness/run-case.ts). */
export interface CaseTiming {
  duration_ms: number;
  /** Status polls while waiting for a resource to settle (not in requests). */
  polls?: number;
  earlier_attempts_ms?: number[];
}

export interface RunResults {
  run: RunFacts;
  summary: {
    entries: Totals;
    pairs: Totals;
    cases: Totals;
    /** Cases that passed only after an environment failure made them run again: flakiness data. */
    flaky?: number;
  };
  entries: { id: string; outcome: CaseOutcome; cases: number }[];
  /** The documented contract this run proved, per entry and per pair (reporting/coverage.ts); absent in older files. */
  coverage?: Coverage;
  /** Failures grouped by cause, largest first (reporting/clusters.ts); absent in older files. */
  clusters?: FailureCluster[];
  cases: ReportCase[];
  undocumented: (Undocumented & { seen_in: string })[];
  /** End-of-run cleanup (harness/run-cleanup.ts): cards cancelled, failed, and ids left live (with the ledger to finish). */
  cleanup?: { cancelled: number; failed: number; left: string[]; ledger: string | null };
  /** Undocumented answers by body, messages that differ from the page, what this run never exercised. */
  drift: Drift;
  /** Per operation: the shapes of its success bodies and its distinct error bodies (redacted). */
  shapes: ShapesSection;
  /** Known deviations applied to this run (reporting/deviations.ts); absent when none were loaded. */
  deviations?: DeviationReport;
  /** With --history: failures of pairs that never passed on this target kind (reporting/pending.ts). */
  pending?: PendingReport;
}

/** With --history: failures of pairs that never passed on this target kind (reporting/pending.ts). */
export interface PendingReport {
  /** The pairs that never passed on this target kind in the history, with their failing cases now. */
  pairs: { pair: string; cases: string[] }[];
  /** Failing cases in those pairs: reported, not gating. */
  cases: number;
  /** Runs of this target kind the history held before this one. */
  earlier_runs: number;
}

export type ReportCase = Omit<
  CaseMeta,
  'undocumented' | 'shapes' | 'durationMs' | 'polls' | 'outcome' | 'earlier_attempts'
> & {
  outcome: CaseOutcome;
  duration_ms: number;
  /** Attempts that errored because the environment failed, before the one reported; absent when there were none. */
  earlier_attempts?: { outcome: 'error'; reason: string }[];
  timing?: CaseTiming;
  /** The known deviation that turned this failure into outcome "deviation". */
  deviation?: AppliedDeviation;
  /** A failure of a pair that never passed on this target kind (--history): reported, not gating. */
  pending?: true;
};

/** Worst first: one failing case makes its entry fail, then errors, then skips, known deviations, n/a. */
const SEVERITY: CaseOutcome[] = ['fail', 'error', 'skip', 'deviation', 'not_applicable', 'pass'];

export function combine(outcomes: CaseOutcome[]): CaseOutcome {
  return SEVERITY.find((o) => outcomes.includes(o)) ?? 'skip';
}

export function totals(outcomes: CaseOutcome[]): Totals {
  const count = (o: CaseOutcome) => outcomes.filter((x) => x === o).length;
  return {
    total: outcomes.length,
    passed: count('pass'),
    failed: count('fail'),
    errored: count('error'),
    skipped: count('skip'),
    deviations: count('deviation'),
    not_applicable: count('not_applicable'),
  };
}

/** The documented pair a case belongs to: the general rows count once, as "<entry>|*". */
export function pairKey(catalog: Catalog, c: { entry: string; operation: string }): string {
  return catalog.entryById.get(c.entry)?.operations === '*' ? `${c.entry}|*` : `${c.entry}|${c.operation}`;
}

export function buildResults(
  catalog: Catalog,
  facts: Omit<RunFacts, 'requests' | 'catalog_sha256'>,
  cases: CaseMeta[],
  /** What the builds of shared arranged values sent and received (no case owns them). */
  shared: readonly SharedArrangeMeta[] = [],
): RunResults {
  // seen_in is the case that sent the request (its title), or the shared value whose build did.
  const undocumented = [
    ...cases.flatMap((c) => c.undocumented.map((u) => ({ ...u, seen_in: c.title }))),
    ...shared.flatMap((s) => s.undocumented.map((u) => ({ ...u, seen_in: s.source }))),
  ];
  return {
    run: {
      ...facts,
      requests: [...cases, ...shared].reduce((sum, c) => sum + c.requests, 0),
      catalog_sha256: catalog.source.sha256,
      timing: {
        started_at: facts.started_at,
        duration_ms: facts.duration_ms,
        polls: [...cases, ...shared].reduce((sum, c) => sum + (c.polls ?? 0), 0),
      },
    },
    ...summarize(catalog, cases),
    cases: cases.map(reportCase),
    undocumented,
    drift: buildDrift(catalog, cases, undocumented),
    shapes: summariseShapes([...cases.flatMap((c) => c.shapes ?? []), ...shared.flatMap((s) => s.shapes)]),
  };
}

function reportCase({
  undocumented: _u,
  shapes: _s,
  durationMs,
  polls,
  earlier_attempts,
  ...rest
}: CaseMeta): ReportCase {
  const timing: CaseTiming = { duration_ms: durationMs, ...(polls ? { polls } : {}) };
  if (earlier_attempts?.length) timing.earlier_attempts_ms = earlier_attempts.map((a) => a.duration_ms);
  return {
    ...rest,
    duration_ms: durationMs,
    ...(earlier_attempts?.length
      ? { earlier_attempts: earlier_attempts.map(({ outcome, reason }) => ({ outcome, reason })) }
      : {}),
    timing,
  };
}

/**
 * Totals per entry, pair and case, each entry's combined outcome, the coverage and the failure clusters
 * (recomputed whenever outcomes are reclassified).
 */
export function summarize<
  C extends CoverageCase & ClusterCase & { outcome: CaseOutcome; earlier_attempts?: readonly unknown[] },
>(catalog: Catalog, cases: C[]): Pick<RunResults, 'summary' | 'entries' | 'coverage' | 'clusters'> {
  const byEntry = groupOutcomes(cases, (c) => c.entry);
  const byPair = groupOutcomes(cases, (c) => pairKey(catalog, c));
  const entries = catalog.entries
    .filter((e) => byEntry.has(e.id))
    .map((e) => {
      const outcomes = byEntry.get(e.id) ?? [];
      return { id: e.id, outcome: combine(outcomes), cases: outcomes.length };
    });
  return {
    summary: {
      entries: totals(entries.map((e) => e.outcome)),
      pairs: totals([...byPair.values()].map(combine)),
      cases: totals(cases.map((c) => c.outcome)),
      flaky: cases.filter((c) => c.outcome === 'pass' && (c.earlier_attempts?.length ?? 0) > 0).length,
    },
    entries,
    coverage: buildCoverage(catalog, cases),
    clusters: failureClusters(cases),
  };
}

function groupOutcomes<C extends { outcome: CaseOutcome }>(
  cases: C[],
  key: (c: C) => string,
): Map<string, CaseOutcome[]> {
  const groups = new Map<string, CaseOutcome[]>();
  for (const c of cases) groups.set(key(c), [...(groups.get(key(c)) ?? []), c.outcome]);
  return groups;
}
