// A case's result, and how the running case builds one: every result is redacted here, at the source, and carries
// the expected answer, the requests counted on the case and, when it did not pass, how to reproduce it.

import type { CatalogEntry } from '../catalog/types.ts';
import type { SkipCategory } from '../contract/fixture-provider.ts';
import type { Observed, RequestSpec } from '../contract/request.ts';
import type { Scenario } from '../generators/types.ts';
import type { ApiClient } from './client.ts';
import { expectedMessage, type FailedCheck, type Outcome, type Seen } from './judge.ts';
import { redactCaseResult } from './redact-case.ts';
import { buildRepro, type Repro, type ReproSource } from './repro.ts';

export interface CaseResult {
  entry: string;
  operation: string;
  fault: string;
  outcome: Outcome;
  reason: string;
  /** The checks that failed, as data; the reason is derived from them. Empty unless the outcome is fail. */
  checks: FailedCheck[];
  expected: {
    status: number;
    type: string | null;
    code: string | number;
    message: string | null;
    message_kind: string;
  };
  observed: Seen | null;
  requests: number;
  durationMs: number;
  /** Status polls while waiting for a resource to settle (not in requests): timing by nature. */
  polls?: number;
  /** How many times the judged request was sent, when environment trouble (5xx/429 not under test) made it retry. */
  attempts?: number;
  /** How to reproduce a case that did not pass (redacted); absent on a pass and when no request was answered. */
  repro?: Repro;
  /** A skip's kind and the setting that unlocks it, as data (the reports read these, not the reason). */
  skip?: SkipCategory;
  /**
   * An error because the environment failed on the way (5xx or 429 not under test, a gateway or garbled answer, a
   * timeout, an in-flight copy that met a fault): a fresh attempt may pass (harness/run-case.ts retries it).
   */
  transient?: true;
}

/** Learnt while the case runs: how often the judged request was sent, and whether an error was the environment's. */
export interface ResultExtra {
  attempts?: number;
  transient?: true;
}

export type ResultBuilder = (
  outcome: Outcome,
  reason: string,
  observed?: Seen | null,
  checks?: FailedCheck[],
  evidence?: { source: ReproSource; observed: Observed; spec?: RequestSpec },
) => CaseResult;

/** The running case's result builder; `extra` and the request counts are read when a result is built. */
export function caseResultBuilder(c: {
  scenario: Scenario;
  entry: CatalogEntry;
  client: ApiClient;
  data: { seed: number };
  sent: { requests: number; polls?: number };
  extra: ResultExtra;
  started: number;
}): ResultBuilder {
  const { scenario, entry, sent, extra } = c;
  return (outcome, reason, observed = null, checks = [], evidence) =>
    // Redacted here, at the source: reasons, snippets and observed values embed answers (card data, tokens).
    redactCaseResult({
      entry: entry.id,
      operation: scenario.operation,
      fault: scenario.fault,
      outcome,
      reason,
      checks,
      expected: expectedOf(entry),
      observed,
      requests: sent.requests,
      durationMs: Math.round(performance.now() - c.started),
      ...(sent.polls ? { polls: sent.polls } : {}),
      ...(extra.attempts ? { attempts: extra.attempts } : {}),
      ...(extra.transient && outcome === 'error' ? { transient: true as const } : {}),
      ...(evidence && outcome !== 'pass'
        ? { repro: buildRepro({ baseUrl: c.client.baseUrl, seed: c.data.seed, fault: scenario.fault, ...evidence }) }
        : {}),
    });
}

function expectedOf(entry: CatalogEntry): CaseResult['expected'] {
  return {
    status: entry.status,
    type: entry.envelope === 'A' ? entry.type : null,
    code: entry.code,
    // A template is reported unfilled: its values belong to the provocation, which may not exist yet.
    message: entry.message_kind === 'template' ? entry.message : (expectedMessage(entry, {}) ?? entry.message),
    message_kind: entry.message_kind,
  };
}
