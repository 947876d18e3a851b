// One case of the suite: its scenario run with every answer recorded on it (harness/case-answers.ts), and run again
// from a fresh arrange, with new idempotency keys and a new mock scope, when the environment failed on the way
// (CaseResult.transient: 5xx or 429 not under test, a gateway or garbled answer, a timeout, an in-flight copy that
// met a fault). Contract failures and skips are never retried: they are verdicts.

import type { Scenario } from '../generators/types.ts';
import { CaseAnswers, type Undocumented } from './case-answers.ts';
import { DEFAULT_RETRIES_ON_ERROR } from './config.ts';
import { type CaseResult, type RunEnvironment, runScenario } from './run-scenario.ts';
import type { ShapeObservation } from './shapes.ts';

/** An attempt that errored before the one reported: what went wrong, and how long it took. */
export interface EarlierAttempt {
  outcome: 'error';
  reason: string;
  duration_ms: number;
}

export interface CaseRun {
  /** The last attempt's result; requests count every attempt's. */
  result: CaseResult;
  /** The attempts that errored before it, oldest first; empty when the first attempt was the last. */
  earlier: EarlierAttempt[];
  /** Every attempt's undocumented answers and answer shapes. */
  undocumented: Undocumented[];
  shapes: ShapeObservation[];
}

export async function runCase(
  scenario: Scenario,
  env: RunEnvironment,
  title: string,
  retriesOnError = DEFAULT_RETRIES_ON_ERROR,
): Promise<CaseRun> {
  const earlier: EarlierAttempt[] = [];
  const undocumented: Undocumented[] = [];
  const shapes: ShapeObservation[] = [];
  let requests = 0;
  let polls = 0;
  for (let attempt = 1; ; attempt++) {
    // The label names the attempt: a fresh scope, data stream and idempotency keys, the same for the same seed.
    const label = attempt === 1 ? title : `${title} (attempt ${attempt})`;
    const answers = new CaseAnswers(env.data.fork(label), label);
    const { transient, ...result } = await runScenario(scenario, env, { label, answers });
    undocumented.push(...answers.undocumented);
    shapes.push(...answers.shapes);
    requests += result.requests;
    polls += result.polls ?? 0;
    if (!transient || attempt > retriesOnError) {
      return { result: { ...result, requests, ...(polls ? { polls } : {}) }, earlier, undocumented, shapes };
    }
    earlier.push({ outcome: 'error', reason: result.reason, duration_ms: result.durationMs });
  }
}
