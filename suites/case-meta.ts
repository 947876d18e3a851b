// What each conformance test hands to the reporter, and how its outcome surfaces in vitest.

import type { Scenario } from '../generators/types.ts';
import type { EarlierAttempt } from '../harness/run-case.ts';
import type { CaseResult } from '../harness/run-scenario.ts';
import type { SharedAnswers, Undocumented } from '../harness/session.ts';
import type { ShapeObservation } from '../harness/shapes.ts';

export interface CaseMeta extends CaseResult {
  /** The test's name: "<operation> › <entry id>[ › <fault>]". */
  title: string;
  undocumented: Undocumented[];
  /** Every answer the case saw, as shapes (success) or redacted bodies (errors); summarised into results.json. */
  shapes?: ShapeObservation[];
  /** Attempts that errored because the environment failed, before the one reported (harness/run-case.ts). */
  earlier_attempts?: EarlierAttempt[];
}

/** What the build of one shared arranged value sent and received (no case owns it): handed over on the file. */
export type SharedArrangeMeta = SharedAnswers;

/** The contract is broken: the target answered, but not as documented. */
export class ContractFailure extends Error {
  override name = 'ContractFailure';
}

/** The environment failed (unreachable target, 5xx not under test, failed arrange step): not a verdict. */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
}

/** Stable test names: "<operation> › <entry id>", plus " › <fault>" where one pair has several scenarios. */
export function scenarioTitles(scenarios: readonly Scenario[]): Map<Scenario, string> {
  const perPair = new Map<string, number>();
  for (const s of scenarios)
    perPair.set(`${s.operation}|${s.entry}`, (perPair.get(`${s.operation}|${s.entry}`) ?? 0) + 1);
  return new Map(
    scenarios.map((s) => {
      const base = `${s.operation} › ${s.entry}`;
      return [s, (perPair.get(`${s.operation}|${s.entry}`) ?? 0) > 1 ? `${base} › ${s.fault}` : base];
    }),
  );
}
