// The conformance suite: one test per scenario, named "<operation> › <entry id>" (plus " › <fault>" where a pair
// has several scenarios), grouped by catalog section. Each test runs its scenario against the target and reports
// the honest outcome: pass, fail (contract broken), error (environment failed) or skip (with the reason).

import { afterAll, beforeAll, describe, test } from 'vitest';
import { loadCatalog } from '../catalog/load.ts';
import { allScenarios } from '../generators/index.ts';
import type { Scenario, TargetKind } from '../generators/types.ts';
import { pacingFor } from '../harness/config.ts';
import { runScenario } from '../harness/run-scenario.ts';
import { createSession, type Session } from '../harness/session.ts';
import { type RunningMock, startMock } from '../mock/server.ts';
import { bailGuard } from './bail.ts';
import { type CaseMeta, ContractFailure, EnvironmentError, scenarioTitles } from './case-meta.ts';
import { selectedTitles } from './selected-cases.ts';
import { selectionFromEnv } from './selection.ts';

declare module 'vitest' {
  interface TaskMeta {
    conformance?: CaseMeta;
  }
}

const catalog = loadCatalog();
const seed = Number(process.env.UQPAY_CONFORMANCE_SEED ?? process.env.UQPAY_SEED ?? 1);
let session: Session | undefined;
let ownMock: RunningMock | undefined;

beforeAll(async () => {
  let baseUrl = process.env.UQPAY_CONFORMANCE_BASE_URL;
  let kind = (process.env.UQPAY_CONFORMANCE_TARGET ?? 'mock') as TargetKind;
  if (!baseUrl) {
    // Run directly with vitest (not through npm run conformance): judge a built-in mock of our own.
    ownMock = await startMock({ seed });
    baseUrl = ownMock.baseUrl;
    kind = 'mock';
  }
  const timeoutMs = Number(process.env.UQPAY_TIMEOUT_MS ?? 30_000);
  const budget = Number(process.env.UQPAY_REQUEST_BUDGET ?? 0);
  const maxPerSecond = pacingFor(kind, process.env.UQPAY_MAX_RPS ? Number(process.env.UQPAY_MAX_RPS) : null);
  session = createSession({
    baseUrl,
    kind,
    seed,
    timeoutMs,
    ...(budget > 0 ? { requestBudget: budget } : {}),
    ...(maxPerSecond ? { maxPerSecond } : {}),
  });
});

afterAll(async () => {
  // The mock is disposable; anywhere else, cancel the cards this run issued.
  if (session && session.kind !== 'mock') {
    const { cancelled, failed } = await session.cleanup();
    console.log(
      `[conformance] cleanup: ${cancelled} cards cancelled${failed ? `, ${failed} could not be cancelled` : ''}`,
    );
  }
  await session?.close();
  await ownMock?.close();
});

const titles = scenarioTitles(allScenarios);
// --only and --shard (suites/selection.ts): the cases this run keeps.
const selected = new Set(selectedTitles(catalog, selectionFromEnv(process.env)));
const sections = ['general', 'card', 'cardholder', 'balance', 'transaction']
  .map((section) => ({
    section,
    cases: allScenarios
      .filter((s) => catalog.entryById.get(s.entry)?.section === section)
      .map((scenario): [string, Scenario] => [titles.get(scenario) ?? scenario.entry, scenario])
      .filter(([title]) => selected.has(title)),
  }))
  .filter(({ cases }) => cases.length > 0);
const bail = bailGuard(process.env);

describe.each(sections)('$section', ({ cases }) => {
  test.for(cases)('%s', async ([, scenario], ctx) => {
    if (!session) throw new EnvironmentError('the session did not start');
    if (bail.stopReason) ctx.skip(bail.stopReason);
    const result = await runScenario(scenario, session.env);
    bail.record(result.outcome);
    ctx.task.meta.conformance = { ...result, title: ctx.task.name, undocumented: session.drainUndocumented() };
    if (result.outcome === 'skip') ctx.skip(result.reason);
    if (result.outcome === 'error') throw new EnvironmentError(result.reason);
    if (result.outcome === 'fail') throw new ContractFailure(result.reason);
  });
});
