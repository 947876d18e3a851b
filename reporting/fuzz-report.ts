// reports/fuzz.json: the run's facts (target, base-URL host, seed, runs per property, start, duration, requests,
// cases per second), every property's result, the drift section (undocumented answers seen by structural fuzz,
// redacted), the precedence observations, the structural ones and the rule coverage. Written with reports/junit.xml's
// fuzz suite by writeFuzzReports (write-fuzz-reports.ts).

import { type FuzzCoverage, fuzzCoverage } from '../fuzz/coverage.ts';
import type { PropertyResult } from '../fuzz/run.ts';
import type { DriftRecord } from '../fuzz/types.ts';

export interface FuzzReport {
  run: {
    target: string;
    base_url_host: string;
    seed: number;
    num_runs: number;
    started_at: string;
    duration_ms: number;
    requests: number;
    filter: string | null;
  };
  summary: { properties: number; passed: number; failed: number; errored: number; skipped: number; cases: number };
  cases_per_second: number;
  properties: PropertyResult[];
  precedence: { property: string; winner: unknown }[];
  /** Answers to structural mutations the page leaves open (fuzz/structural-validity.ts): an observation, no verdict. */
  structural_observations: { observation: string; answers: Record<string, number> }[];
  drift: DriftRecord[];
  /** The rule table against the documented request-rule pairs (fuzz/coverage.ts); the same whatever --filter ran. */
  coverage: FuzzCoverage;
}

export function fuzzReport(
  run: FuzzReport['run'],
  properties: PropertyResult[],
  drift: DriftRecord[],
  observations: Map<string, unknown>,
  shapeObservations: Map<string, Record<string, number>> = new Map(),
): FuzzReport {
  const cases = properties.reduce((sum, p) => sum + p.runs + p.shrinks, 0);
  const count = (outcome: PropertyResult['outcome']) => properties.filter((p) => p.outcome === outcome).length;
  return {
    run,
    summary: {
      properties: properties.length,
      passed: count('pass'),
      failed: count('fail'),
      errored: count('error'),
      skipped: count('skip'),
      cases,
    },
    cases_per_second: run.duration_ms > 0 ? Math.round((cases * 1000) / run.duration_ms) : 0,
    properties,
    precedence: [...observations].map(([property, winner]) => ({ property, winner })),
    structural_observations: [...shapeObservations]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([observation, answers]) => ({ observation, answers })),
    drift: drift.slice(0, 200),
    coverage: fuzzCoverage(),
  };
}
