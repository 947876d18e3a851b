// Turns the cases of a run into reports/results.json: run facts, totals per entry, per documented pair and per
// case, every case with expected and observed values, and the undocumented answers seen along the way.
// An entry or a pair passes only when every one of its cases passed; any failure, error or skip shows.

import type { Catalog } from '../catalog/load.ts';
import type { Outcome } from '../harness/judge.ts';
import type { Undocumented } from '../harness/session.ts';
import { type ShapesSection, summariseShapes } from '../harness/shapes.ts';
import type { CaseMeta } from '../suites/case-meta.ts';
import { buildDrift, type Drift } from './drift.ts';

export interface Totals {
  total: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
}

export interface RunFacts {
  target: string;
  base_url_host: string;
  seed: number;
  started_at: string;
  duration_ms: number;
  requests: number;
  catalog_sha256: string;
}

export interface RunResults {
  run: RunFacts;
  summary: { entries: Totals; pairs: Totals; cases: Totals };
  entries: { id: string; outcome: Outcome; cases: number }[];
  cases: (Omit<CaseMeta, 'undocumented' | 'durationMs'> & { duration_ms: number })[];
  undocumented: (Undocumented & { seen_in: string })[];
  /** End-of-run cleanup (harness/run-cleanup.ts): cards cancelled, failed, and ids left live (with the ledger to finish). */
  cleanup?: { cancelled: number; failed: number; left: string[]; ledger: string | null };
  /** Undocumented answers by body, messages that differ from the page, what this run never exercised. */
  drift: Drift;
  /** Per operation: the shapes of its success bodies and its distinct error bodies (redacted). */
  shapes: ShapesSection;
}

/** Worst first: one failing case makes its entry fail, then errors, then skips. */
const SEVERITY: Outcome[] = ['fail', 'error', 'skip', 'pass'];

export function combine(outcomes: Outcome[]): Outcome {
  return SEVERITY.find((o) => outcomes.includes(o)) ?? 'skip';
}

function totals(outcomes: Outcome[]): Totals {
  const count = (o: Outcome) => outcomes.filter((x) => x === o).length;
  return {
    total: outcomes.length,
    passed: count('pass'),
    failed: count('fail'),
    errored: count('error'),
    skipped: count('skip'),
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
): RunResults {
  const byEntry = groupOutcomes(cases, (c) => c.entry);
  const byPair = groupOutcomes(cases, (c) => pairKey(catalog, c));
  const entries = catalog.entries
    .filter((e) => byEntry.has(e.id))
    .map((e) => {
      const outcomes = byEntry.get(e.id) ?? [];
      return { id: e.id, outcome: combine(outcomes), cases: outcomes.length };
    });
  const undocumented = cases.flatMap((c) =>
    c.undocumented.map((u) => ({ ...u, seen_in: `${c.operation} › ${c.entry}` })),
  );
  return {
    run: {
      ...facts,
      requests: cases.reduce((sum, c) => sum + c.requests, 0),
      catalog_sha256: catalog.source.sha256,
    },
    summary: {
      entries: totals(entries.map((e) => e.outcome)),
      pairs: totals([...byPair.values()].map(combine)),
      cases: totals(cases.map((c) => c.outcome)),
    },
    entries,
    cases: cases.map(({ undocumented: _u, shapes: _s, durationMs, ...rest }) => ({ ...rest, duration_ms: durationMs })),
    undocumented,
    drift: buildDrift(catalog, cases, undocumented),
    shapes: summariseShapes(cases.flatMap((c) => c.shapes ?? [])),
  };
}

function groupOutcomes(cases: CaseMeta[], key: (c: CaseMeta) => string): Map<string, Outcome[]> {
  const groups = new Map<string, Outcome[]>();
  for (const c of cases) groups.set(key(c), [...(groups.get(key(c)) ?? []), c.outcome]);
  return groups;
}
