// Known deviations (conformance.deviations.json): a failure the team has accepted until a date is reported as
// outcome "deviation" — not a pass, not a failure. An expired entry no longer applies, so its cases fail again; an
// entry whose cases ran and none failed that way is stale and fails the run, so accepted drift never outlives itself.

import { readFileSync } from 'node:fs';
import type { Catalog } from '../catalog/load.ts';
import { describeErrors, validators } from '../schemas/validators.ts';
import type { AppliedDeviation, Deviation, DeviationReport, Observable } from './deviation-types.ts';
import { isLeak } from './never-forgiven.ts';
import { type ReportCase, type RunResults, summarize } from './results.ts';

export const DEFAULT_DEVIATIONS_FILE = 'conformance.deviations.json';

export class DeviationsError extends Error {}

/** Reads and checks a deviations file; a missing default file means none. Throws DeviationsError (exit 2). */
/** --deviations <file>: a named file must exist; without one the checked-in default may be absent. */
export function deviationsOption(named: string | null, catalog: Catalog): Deviation[] {
  return loadDeviations(named ?? DEFAULT_DEVIATIONS_FILE, catalog, named !== null);
}

export function loadDeviations(file: string, catalog: Catalog, required: boolean): Deviation[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new DeviationsError(`cannot read the deviations file ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DeviationsError(`${file} is not JSON: ${(error as Error).message}`);
  }
  if (!validators.deviations(json)) {
    throw new DeviationsError(
      `${file} is not a valid deviations file: ${describeErrors(validators.deviations.errors)[0]}`,
    );
  }
  const deviations = (json as { deviations: Deviation[] }).deviations;
  deviations.forEach((d, i) => {
    const entry = catalog.entryById.get(d.entry);
    if (!entry) throw new DeviationsError(`${file}: /deviations/${i} names unknown entry ${d.entry}`);
    if (d.operation !== undefined && !catalog.operationByName.has(d.operation))
      throw new DeviationsError(`${file}: /deviations/${i} names unknown operation "${d.operation}"`);
    if (
      d.operation !== undefined &&
      entry.operations !== '*' &&
      !(entry.operations as readonly string[]).includes(d.operation)
    )
      throw new DeviationsError(`${file}: /deviations/${i}: ${d.entry} is not documented on "${d.operation}"`);
  });
  return deviations;
}

/** The date deviations are judged on: today, UTC. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Applies deviations to a run's results (after undoing any applied earlier, so stored runs can be re-judged
 * against today's file) and recomputes the totals.
 */
export function applyDeviations(
  results: RunResults,
  catalog: Catalog,
  deviations: readonly Deviation[],
  on: string,
): RunResults {
  const cases = results.cases.map(undo);
  const report: DeviationReport = { applied: 0, expired: [], stale: [] };
  for (const deviation of deviations) {
    const inScope = cases.filter((c) => c.entry === deviation.entry && within(deviation, c));
    const matching = inScope.filter((c) => matches(deviation, c));
    if (inScope.length === 0) continue; // not exercised by this run (a selection or a shard): neither used nor stale
    if (matching.length === 0) {
      report.stale.push(summaryOf(deviation));
      continue;
    }
    if (deviation.expires < on) {
      report.expired.push({ ...summaryOf(deviation), cases: matching.map((c) => c.title) });
      continue;
    }
    for (const c of matching) {
      c.outcome = 'deviation';
      c.deviation = summaryOf(deviation);
      report.applied++;
    }
  }
  const { deviations: _old, ...rest } = results;
  return { ...rest, ...summarize(catalog, cases), cases, ...(deviations.length ? { deviations: report } : {}) };
}

/** One line per expired or stale deviation, for the summary; empty when the file is in order. */
export function deviationProblems(report: DeviationReport | undefined): string[] {
  if (!report) return [];
  const name = (d: AppliedDeviation) => `${d.entry}${d.operation ? ` on ${d.operation}` : ''}`;
  return [
    ...report.expired.map(
      (d) => `known deviation ${name(d)} expired on ${d.expires}; ${d.cases.length} case(s) fail again`,
    ),
    ...report.stale.map((d) => `known deviation ${name(d)} matches no failure any more: remove it from the file`),
  ];
}

function undo(c: ReportCase): ReportCase {
  const { deviation: _d, ...rest } = c;
  return c.outcome === 'deviation' ? { ...rest, outcome: 'fail' } : { ...rest };
}

function within(deviation: Deviation, c: ReportCase): boolean {
  return deviation.operation === undefined || deviation.operation === c.operation;
}

/** A failure matches when every failed check is one the deviation names, with exactly the value it names. */
function matches(deviation: Deviation, c: ReportCase): boolean {
  if (c.outcome !== 'fail' || c.checks.length === 0 || !c.observed || isLeak(c)) return false;
  const named = Object.keys(deviation.observed) as Observable[];
  if (!c.checks.every((check) => (named as string[]).includes(check.check))) return false;
  const observed = c.observed as unknown as Record<Observable, unknown>;
  return named.every((key) => (observed[key] ?? null) === deviation.observed[key]);
}

function summaryOf(d: Deviation): AppliedDeviation {
  return { entry: d.entry, ...(d.operation ? { operation: d.operation } : {}), reason: d.reason, expires: d.expires };
}
