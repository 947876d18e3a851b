// Compares a run with an earlier accepted run, case by case (keyed by the stable case title), and says what
// changed: regressions (a passing case that no longer passes, a new case that fails), fixes, known deviations,
// message drift and new undocumented answers. Only regressions fail a gate. Pure: no files, no requests.

import { readFileSync } from 'node:fs';
import type { ReportCase, RunResults } from './results.ts';

export type ChangeKind = 'regression' | 'fixed' | 'changed' | 'message drift' | 'new undocumented';

export interface Change {
  kind: ChangeKind;
  /** Case title, or "operation status" for an undocumented answer. */
  subject: string;
  /** "pass→fail", "absent→fail", … */
  transition: string;
  detail: string;
}

export type Comparison = { refused: string } | { refused: null; changes: Change[]; regressions: number };

export class BaselineError extends Error {}

/** Reads a results.json written by a run; anything else is one precise error (exit 2). */
export function readResults(file: string, role: string): RunResults {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code
      ? (error as Error).message
      : `not JSON (${(error as Error).message})`;
    throw new BaselineError(`cannot read the ${role} ${file}: ${why}`);
  }
  const run = (json as Partial<RunResults>)?.run;
  if (!run || typeof run.catalog_sha256 !== 'string' || !Array.isArray((json as RunResults).cases))
    throw new BaselineError(`the ${role} ${file} is not a results.json written by npm run conformance`);
  return json as RunResults;
}

export function compareRuns(baseline: RunResults, current: RunResults): Comparison {
  if (baseline.run.catalog_sha256 !== current.run.catalog_sha256) {
    return {
      refused: `the baseline was judged against another catalog version (${short(baseline.run.catalog_sha256)}, this run ${short(current.run.catalog_sha256)}); record a new baseline`,
    };
  }
  if (baseline.run.target !== current.run.target) {
    return {
      refused: `the baseline ran against a ${baseline.run.target} target and this run against a ${current.run.target} target; compare runs of one kind`,
    };
  }
  const before = new Map(baseline.cases.map((c) => [c.title, c]));
  const now = new Map(current.cases.map((c) => [c.title, c]));
  const changes: Change[] = [];
  for (const c of current.cases) changes.push(...caseChanges(before.get(c.title), c));
  const selection = Boolean(current.run.selection);
  for (const b of baseline.cases) {
    if (now.has(b.title)) continue;
    // A selection (--only, --filter, a shard) leaves cases out on purpose; a full run must not lose a passing case.
    if (b.outcome === 'pass' && !selection)
      changes.push({ kind: 'regression', subject: b.title, transition: 'pass→absent', detail: 'not run any more' });
  }
  changes.push(...newUndocumented(baseline, current));
  return { refused: null, changes, regressions: changes.filter((c) => c.kind === 'regression').length };
}

function caseChanges(before: ReportCase | undefined, after: ReportCase): Change[] {
  const subject = after.title;
  const was = before?.outcome ?? 'absent';
  const transition = `${was}→${after.outcome}`;
  const detail = after.deviation
    ? `known deviation until ${after.deviation.expires}: ${after.deviation.reason}`
    : after.reason;
  const changes: Change[] = [];
  if (was === 'pass' && after.outcome !== 'pass' && after.outcome !== 'deviation')
    changes.push({ kind: 'regression', subject, transition, detail });
  else if (was === 'absent' && after.outcome === 'fail')
    changes.push({ kind: 'regression', subject, transition, detail });
  else if (was !== 'pass' && was !== 'absent' && after.outcome === 'pass')
    changes.push({ kind: 'fixed', subject, transition, detail: '' });
  else if (was !== after.outcome) changes.push({ kind: 'changed', subject, transition, detail });
  const oldMessage = before?.observed?.message;
  const newMessage = after.observed?.message;
  if (before?.observed && after.observed && oldMessage !== newMessage) {
    changes.push({
      kind: 'message drift',
      subject,
      transition,
      detail: `message was ${JSON.stringify(oldMessage ?? null)}, now ${JSON.stringify(newMessage ?? null)}`,
    });
  }
  return changes;
}

function newUndocumented(baseline: RunResults, current: RunResults): Change[] {
  const key = (u: RunResults['undocumented'][number]) => `${u.operation}|${u.status}|${JSON.stringify(u.body)}`;
  const known = new Set(baseline.undocumented.map(key));
  const seen = new Set<string>();
  return current.undocumented
    .filter((u) => !known.has(key(u)) && !seen.has(key(u)) && seen.add(key(u)))
    .map((u) => ({
      kind: 'new undocumented' as const,
      subject: `${u.operation} ${u.status}`,
      transition: 'absent→seen',
      detail: `${JSON.stringify(u.body)} (in ${u.seen_in})`,
    }));
}

/** The printed comparison: one line per change, worst first, then a one-line verdict. */
export function describeComparison(comparison: Comparison, baselineName: string): string[] {
  if (comparison.refused !== null) return [];
  const order: ChangeKind[] = ['regression', 'message drift', 'new undocumented', 'changed', 'fixed'];
  const lines = order.flatMap((kind) =>
    comparison.changes
      .filter((c) => c.kind === kind)
      .map(
        (c) =>
          `  ${kind.toUpperCase().padEnd(16)} ${c.transition.padEnd(18)} ${c.subject}${c.detail ? `: ${c.detail}` : ''}`,
      ),
  );
  const verdict = comparison.regressions
    ? `${comparison.regressions} regression(s) against ${baselineName}`
    : `no regression against ${baselineName}`;
  return [`baseline: ${verdict} (${comparison.changes.length} change(s))`, ...lines];
}

function short(sha: string): string {
  return sha.slice(0, 12);
}
