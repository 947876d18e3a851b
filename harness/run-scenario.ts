// Runs one scenario: arrange, send the faulty request (judged against its catalog entry), then send the valid
// twin, which must succeed. Environment trouble (unreachable target, 5xx, exhausted 429 retries, a failed arrange
// step) is an error; a missing fixture is a skip with the setting to add; only the contract can fail.

import { randomUUID } from 'node:crypto';
import type { Catalog } from '../catalog/load.ts';
import type { CatalogEntry } from '../catalog/types.ts';
import type { DataFactory } from '../generators/data.ts';
import type { SharedState } from '../generators/shared.ts';
import {
  ArrangeError,
  type RequestSpec,
  type Scenario,
  type ScenarioContext,
  type TargetKind,
} from '../generators/types.ts';
import { type ApiClient, type Observed, TargetError, TokenError } from './client.ts';
import { FixtureMissing, type FixtureProvider } from './fixtures.ts';
import { sendDuplicateInFlight } from './in-flight.ts';
import { expectedMessage, type FailedCheck, judge, matchCatalog, type Outcome, type Seen, seen } from './judge.ts';
import { newScope, scopedFixtures, scopedRequest } from './scope.ts';

export interface RunEnvironment {
  catalog: Catalog;
  client: ApiClient;
  fixtures: FixtureProvider;
  data: DataFactory;
  shared: SharedState;
  target: TargetKind;
  /** Called with every response a scenario receives, arrange steps included (passive conformance). */
  onResponse?: (observed: Observed, operation: string) => void;
}

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
}

const RETRIES = 3;

export async function runScenario(scenario: Scenario, env: RunEnvironment): Promise<CaseResult> {
  const entry = env.catalog.entryById.get(scenario.entry);
  if (!entry) throw new Error(`scenario names unknown entry ${scenario.entry}`);
  const started = performance.now();
  // Counted per scenario, not from the shared client: concurrent cases would count each other's requests.
  const sent = { requests: 0 };
  const result = (
    outcome: Outcome,
    reason: string,
    observed: Seen | null = null,
    checks: FailedCheck[] = [],
  ): CaseResult => ({
    entry: entry.id,
    operation: scenario.operation,
    fault: scenario.fault,
    outcome,
    reason,
    checks,
    expected: expectedOf(entry),
    observed,
    requests: sent.requests,
    durationMs: Math.round(performance.now() - started),
  });
  const scope = newScope(env.fixtures);
  const ctx = contextFor(env, scope, sent);
  try {
    const provocation = await scenario.provoke(ctx);
    const faulty = await sendFaulty(ctx, provocation.faulty, provocation.concurrent);
    const verdict = judge(entry, faulty, provocation.values);
    const observedFaulty = seen(faulty);
    if (verdict.outcome !== 'pass') return result(verdict.outcome, verdict.reason, observedFaulty, verdict.checks);
    const control = await sendWithRetries(ctx, provocation.valid);
    if (control.status >= 200 && control.status < 300) return result('pass', '', observedFaulty);
    const rejected = `positive control (${scenario.operation} without the fault) answered ${control.status} ${control.text.slice(0, 160)}`;
    const documented = control.status < 500 && matchCatalog(env.catalog, control).length > 0;
    if (!documented) return result('error', rejected, observedFaulty);
    const twin: FailedCheck = { check: 'twin', expected: '2xx', got: control.status, detail: rejected };
    return result('fail', rejected, observedFaulty, [twin]);
  } catch (error) {
    if (error instanceof FixtureMissing) return result('skip', error.message);
    if (error instanceof ArrangeError || error instanceof TargetError || error instanceof TokenError) {
      return result('error', error.message);
    }
    return result('error', `the scenario itself failed: ${(error as Error).message}`);
  } finally {
    await env.fixtures.clearFaults(scope).catch(() => undefined);
  }
}

function contextFor(env: RunEnvironment, scope: string | undefined, sent: { requests: number }): ScenarioContext {
  const send = async (spec: RequestSpec) => {
    sent.requests++;
    const observed = await env.client.send(scopedRequest(spec, scope));
    env.onResponse?.(observed, spec.operation);
    return observed;
  };
  const ctx: ScenarioContext = {
    target: env.target,
    fixtures: scopedFixtures(env.fixtures, scope),
    data: env.data,
    shared: env.shared,
    send,
    mintToken: async (name) => {
      sent.requests++;
      const minted = await env.client.mintToken(await env.fixtures.credential(name));
      // The client's cached token of this credential is now superseded.
      env.client.forgetToken(name);
      return minted.auth_token;
    },
    arrange: async (spec) => {
      const observed = await sendWithRetries(ctx, spec);
      if (observed.status < 200 || observed.status >= 300 || typeof observed.json !== 'object' || !observed.json) {
        throw new ArrangeError(
          `arrange step ${spec.operation} answered ${observed.status} ${observed.text.slice(0, 160)}`,
          observed,
        );
      }
      return observed.json as Record<string, unknown>;
    },
  };
  return ctx;
}

/** Retries environment trouble (429, 5xx) with the same idempotency key, honouring Retry-After. */
async function sendWithRetries(ctx: ScenarioContext, spec: RequestSpec): Promise<Observed> {
  const stable: RequestSpec = spec.idempotencyKey === undefined ? { ...spec, idempotencyKey: randomUUID() } : spec;
  let observed = await ctx.send(stable);
  for (let attempt = 1; attempt <= RETRIES && (observed.status === 429 || observed.status >= 500); attempt++) {
    const retryAfter = Number(observed.headers['retry-after']);
    await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 30) * 1000 : 250 * 2 ** attempt);
    observed = await ctx.send(stable);
  }
  return observed;
}

async function sendFaulty(ctx: ScenarioContext, faulty: RequestSpec, concurrent?: RequestSpec): Promise<Observed> {
  if (!concurrent) return ctx.send(faulty);
  return sendDuplicateInFlight(ctx, faulty, concurrent);
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
