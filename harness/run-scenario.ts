// Runs one scenario: arrange, send the faulty request (judged against its catalog entry), then send the valid
// twin, which must succeed. Environment trouble (unreachable target, 5xx, exhausted 429 retries, a failed arrange
// step) is an error; a missing fixture is a skip with the setting to add; only the contract can fail.

import type { Catalog } from '../catalog/load.ts';
import type { CatalogEntry } from '../catalog/types.ts';
import { FixtureMissing, type FixtureProvider } from '../contract/fixture-provider.ts';
import type { Observed, RequestSpec, TargetKind } from '../contract/request.ts';
import type { DataFactory } from '../generators/data.ts';
import type { SharedState } from '../generators/shared.ts';
import { ArrangeError, type Scenario, type ScenarioContext } from '../generators/types.ts';
import { type RetryPause, retryDelayMs } from './answer-body.ts';
import { attributeTo, CaseAnswers, currentAnswers } from './case-answers.ts';
import { type CaseResult, caseResultBuilder, type ResultBuilder, type ResultExtra } from './case-result.ts';
import { afterClearingFaults, armingNoted } from './clear-faults.ts';
import { type ApiClient, TargetError, TokenError } from './client.ts';
import { providedIdempotencyKey } from './idempotency-keys.ts';
import { CopyRejected, CopyTrouble, sendDuplicateInFlight } from './in-flight.ts';
import { environmentTrouble, type FailedCheck, judge, matchCatalog, seen } from './judge.ts';
import { newScope, scopedFixtures, scopedRequest } from './scope.ts';

export interface RunEnvironment {
  catalog: Catalog;
  client: ApiClient;
  fixtures: FixtureProvider;
  data: DataFactory;
  shared: SharedState;
  target: TargetKind;
  /** Called with every response a scenario receives, arrange steps included (passive conformance). */
  onResponse?: (observed: Observed, operation: string, poll?: boolean) => void;
}

export type { CaseResult };

export interface ScenarioRunOptions {
  /** Names the case (its title, and the attempt): its mock scope and data stream derive from the seed and this. */
  label?: string;
  /** Where its requests and answers are recorded; a new log by default. */
  answers?: CaseAnswers;
}

const RETRIES = 3;

let unlabelled = 0;

export function runScenario(
  scenario: Scenario,
  env: RunEnvironment,
  options: ScenarioRunOptions = {},
): Promise<CaseResult> {
  // Unlabelled runs (tests, the selfcheck's variants of one scenario) must still not share a scope or data stream.
  const label = options.label ?? `${scenario.operation} › ${scenario.entry} › ${scenario.fault} #${++unlabelled}`;
  // Counted per scenario, not from the shared client: concurrent cases would count each other's requests.
  const answers = options.answers ?? new CaseAnswers(env.data.fork(label), label);
  return attributeTo(answers, async () => {
    const scope = newScope(env.fixtures, env.data.seed, label);
    const fixtures = armingNoted(env.fixtures);
    const result = await runInScope(scenario, { ...env, fixtures: fixtures.fixtures }, scope, answers);
    return fixtures.armed() ? afterClearingFaults(result, () => env.fixtures.clearFaults(scope)) : result;
  });
}

async function runInScope(
  scenario: Scenario,
  env: RunEnvironment,
  scope: string | undefined,
  sent: CaseAnswers,
): Promise<CaseResult> {
  const entry = env.catalog.entryById.get(scenario.entry);
  if (!entry) throw new Error(`scenario names unknown entry ${scenario.entry}`);
  const extra: ResultExtra = {};
  const result = caseResultBuilder({ scenario, entry, sent, extra, started: performance.now(), ...env });
  const ctx = contextFor(env, scope, sent);
  try {
    return await provokeAndJudge(scenario, entry, ctx, env, result, extra);
  } catch (error) {
    return resultOfError(error, env.catalog, result, extra);
  }
}

/** The faulty request judged against its entry; if it passes, the twin must succeed. */
async function provokeAndJudge(
  scenario: Scenario,
  entry: CatalogEntry,
  ctx: ScenarioContext,
  env: RunEnvironment,
  result: ResultBuilder,
  extra: ResultExtra,
): Promise<CaseResult> {
  const { catalog } = env;
  const attempts = { count: 1 };
  const { provocation, faulty } = await provokeAndSend(scenario, ctx, entry, attempts, env);
  if (attempts.count > 1) extra.attempts = attempts.count;
  const verdict = judge(entry, faulty, provocation.values);
  const observedFaulty = seen(faulty);
  const faultyEvidence = { source: 'faulty' as const, observed: faulty, spec: provocation.faulty };
  // The judge errs only on environment trouble (5xx or 429 not under test, a gateway or garbled answer).
  if (verdict.outcome === 'error') extra.transient = true;
  if (verdict.outcome !== 'pass')
    return result(verdict.outcome, verdict.reason, observedFaulty, verdict.checks, faultyEvidence);
  const twinAnswer = await sendWithRetries(ctx, provocation.twin, env.client.pauseBeforeRetry);
  const twinTrouble = environmentTrouble(twinAnswer);
  if (twinTrouble || isOverloaded(twinAnswer)) extra.transient = true;
  if (twinTrouble) return result('error', `valid twin: ${twinTrouble}`, observedFaulty);
  if (twinAnswer.status >= 200 && twinAnswer.status < 300) return result('pass', '', observedFaulty);
  const rejected = `valid twin (${scenario.operation} without the fault) answered ${twinAnswer.status} ${twinAnswer.text.slice(0, 160)}`;
  const documented = twinAnswer.status < 500 && matchCatalog(catalog, twinAnswer).length > 0;
  const twinEvidence = { source: 'twin' as const, observed: twinAnswer, spec: provocation.twin };
  if (!documented) return result('error', rejected, observedFaulty, [], twinEvidence);
  const twin: FailedCheck = { check: 'twin', expected: '2xx', got: twinAnswer.status, detail: rejected };
  return result('fail', rejected, observedFaulty, [twin], twinEvidence);
}

/** What a thrown error makes of the case: a skip (missing fixture), a twin failure, or an error. */
function resultOfError(error: unknown, catalog: Catalog, result: ResultBuilder, extra: ResultExtra): CaseResult {
  if (error instanceof FixtureMissing) return { ...result('skip', error.message), skip: error.category };
  if (error instanceof WrongOperation) return result('error', error.message);
  // The first copy of an in-flight duplicate is the valid request: a documented refusal of it fails like a twin.
  if (error instanceof CopyRejected && error.observed && matchCatalog(catalog, error.observed).length > 0) {
    const twin: FailedCheck = { check: 'twin', expected: '2xx', got: error.observed.status, detail: error.message };
    return result('fail', error.message, null, [twin], { source: 'twin', observed: error.observed });
  }
  if (isTransient(error)) extra.transient = true;
  if (error instanceof ArrangeError || error instanceof TargetError || error instanceof TokenError) {
    const setup = error instanceof TargetError ? undefined : error.observed;
    const source = error instanceof TokenError ? ('token' as const) : ('arrange' as const);
    return result('error', error.message, null, [], setup ? { source, observed: setup } : undefined);
  }
  return result('error', `the scenario itself failed: ${(error as Error).message}`);
}

/**
 * A scenario's context: its requests carry its scope (on a mock) and are counted on their owner (the running case or
 * shared build, harness/case-answers.ts; else on sent); its data is its owner's own stream.
 */
export function contextFor(env: RunEnvironment, scope?: string, sent = { requests: 0 }): ScenarioContext {
  const send = async (spec: RequestSpec) => {
    const owner: { requests: number; polls?: number } = currentAnswers() ?? sent;
    if (spec.poll) owner.polls = (owner.polls ?? 0) + 1;
    else owner.requests++;
    // A key from the case's own stream rather than the client's random one: the request replays with the seed.
    const observed = await env.client.send(scopedRequest(withKey(ctx, spec), scope));
    env.onResponse?.(observed, spec.operation, spec.poll === true);
    return observed;
  };
  const ctx: ScenarioContext = {
    target: env.target,
    fixtures: scopedFixtures(env.fixtures, scope),
    get data() {
      return currentAnswers()?.data ?? env.data;
    },
    shared: env.shared,
    send,
    mintToken: async (name) => {
      (currentAnswers() ?? sent).requests++;
      const minted = await env.client.mintToken(await env.fixtures.credential(name));
      // The client's cached token of this credential is now superseded.
      env.client.forgetToken(name);
      return minted.auth_token;
    },
    setup: async (spec) => {
      const observed = await sendWithRetries(ctx, spec, env.client.pauseBeforeRetry);
      if (observed.status === 429 || observed.status >= 500 || !isJsonObject(observed.json)) {
        throw new ArrangeError(`setup step ${spec.operation} answered ${describeAnswer(observed)}`, observed);
      }
      return observed;
    },
    arrange: async (spec) => {
      const observed = await sendWithRetries(ctx, spec, env.client.pauseBeforeRetry);
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
async function sendWithRetries(ctx: ScenarioContext, spec: RequestSpec, pause: RetryPause): Promise<Observed> {
  const stable = withKey(ctx, spec);
  let observed = await ctx.send(stable);
  for (let attempt = 1; attempt <= RETRIES && (observed.status === 429 || observed.status >= 500); attempt++) {
    await pause(retryDelayMs(observed, attempt));
    observed = await ctx.send(stable);
  }
  return observed;
}

/**
 * The judged request. Environment trouble that is not the case's own entry (a 5xx or 429 it does not test, or any
 * gateway answer) is retried with the same idempotency key, honouring Retry-After; attempts are counted.
 */
async function sendJudged(
  ctx: ScenarioContext,
  spec: RequestSpec,
  entry: CatalogEntry,
  attempts: { count: number },
  { catalog, client }: RunEnvironment,
): Promise<Observed> {
  const stable = withKey(ctx, spec);
  let observed = await ctx.send(stable);
  const notUnderTest = (o: Observed) =>
    environmentTrouble(o) !== null ||
    (o.status >= 500 && entry.status < 500) ||
    (o.status === 429 && entry.status !== 429) ||
    // A documented 5xx/429, but another entry's (an account-wide limit while a per-card one is under test). One that
    // matches no entry is this entry's answer gone wrong (a code sent as a string): judged, not retried away.
    ((o.status >= 500 || o.status === 429) &&
      judge(entry, o).outcome === 'fail' &&
      matchCatalog(catalog, o).some((other) => other.id !== entry.id));
  for (let attempt = 1; attempt <= RETRIES && notUnderTest(observed) && !observed.oversized; attempt++) {
    await client.pauseBeforeRetry(retryDelayMs(observed, attempt));
    attempts.count++;
    observed = await ctx.send(stable);
  }
  return observed;
}

async function sendFaulty(
  ctx: ScenarioContext,
  faulty: RequestSpec,
  concurrent: RequestSpec | undefined,
  entry: CatalogEntry,
  attempts: { count: number },
  env: RunEnvironment,
): Promise<Observed> {
  if (!concurrent) return sendJudged(ctx, faulty, entry, attempts, env);
  return sendDuplicateInFlight(ctx, faulty, concurrent);
}

/** The scenario's faulty request targets another operation than the scenario names: an error of the scenario. */
class WrongOperation extends Error {}

/**
 * Provoke and send the judged request. A concurrent provocation whose copy met environment trouble is provoked
 * afresh (new key, fault armed again), at most twice more; other trouble is reported at once.
 */
async function provokeAndSend(
  scenario: Scenario,
  ctx: ScenarioContext,
  entry: CatalogEntry,
  attempts: { count: number },
  env: RunEnvironment,
): Promise<{ provocation: Awaited<ReturnType<Scenario['provoke']>>; faulty: Observed }> {
  for (let round = 1; ; round++) {
    const provocation = await scenario.provoke(ctx);
    // A pair is judged on its own operation: a faulty request elsewhere would credit the wrong pair.
    if (provocation.faulty.operation !== scenario.operation) {
      throw new WrongOperation(
        `the scenario names ${scenario.operation} but its faulty request targets ${provocation.faulty.operation}`,
      );
    }
    try {
      return {
        provocation,
        faulty: await sendFaulty(ctx, provocation.faulty, provocation.concurrent, entry, attempts, env),
      };
    } catch (error) {
      // Faults are not cleared between rounds: one armed by the caller stays armed (runScenario clears at the end).
      if (!(error instanceof CopyTrouble) || round >= 3) throw error;
    }
  }
}

/**
 * The spec with an idempotency key of its own (from the case's data stream), kept across its retries. Status polls
 * draw none: how many a wait takes is timing, and must not shift the keys drawn after it.
 */
function withKey(ctx: ScenarioContext, spec: RequestSpec): RequestSpec {
  if (spec.idempotencyKey !== undefined || spec.poll) return spec;
  return { ...spec, idempotencyKey: providedIdempotencyKey() ?? ctx.data.idempotencyKey() };
}

function isOverloaded(observed: Observed): boolean {
  return observed.status >= 500 || observed.status === 429;
}

/**
 * Whether an error of the scenario came from the environment on the way (worth a fresh attempt): a timeout or reset,
 * an in-flight copy that met trouble, an overlap that could not be arranged, a setup step or token request answered
 * 5xx, 429 or garbage. Not: a spent request budget, a credential clash, a documented refusal of a setup step.
 */
function isTransient(error: unknown): boolean {
  if (error instanceof TargetError) return error.kind === 'timeout' || error.kind === 'unreachable';
  if (error instanceof CopyTrouble) return true;
  if (error instanceof TokenError) return isOverloaded(error.observed) || environmentTrouble(error.observed) !== null;
  if (error instanceof CopyRejected || error instanceof WrongOperation) return false;
  if (error instanceof ArrangeError) {
    const { observed } = error;
    return !observed || isOverloaded(observed) || environmentTrouble(observed) !== null;
  }
  return false;
}

/** Status and the start of the body, for a reason line (redacted where reasons leave the harness). */
function describeAnswer(observed: Observed): string {
  return `${observed.status} ${observed.text.slice(0, 160)}`.trimEnd();
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
