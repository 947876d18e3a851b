// The conformance suite: one test per scenario, named "<operation> › <entry id>" (plus " › <fault>" where a pair
// has several scenarios), grouped by catalog section. Each test runs its scenario against the target and reports
// the honest outcome: pass, fail (contract broken), error (environment failed) or skip (with the reason).

import { afterAll, beforeAll, describe, inject, test } from 'vitest';
import { loadCatalog } from '../catalog/load.ts';
import { allScenarios } from '../generators/index.ts';
import type { Scenario } from '../generators/types.ts';
import { runCase } from '../harness/run-case.ts';
import { createSession, type Session } from '../harness/session.ts';
import { bailGuard } from './bail.ts';
import {
  type CaseMeta,
  ContractFailure,
  EnvironmentError,
  type SharedArrangeMeta,
  scenarioTitles,
} from './case-meta.ts';
import { selectedTitles } from './selected-cases.ts';
import { SECTION_ORDER } from './selection.ts';

declare module 'vitest' {
  interface TaskMeta {
    conformance?: CaseMeta;
    /** On the file: what the shared arranged values' builds sent and received. */
    conformanceShared?: SharedArrangeMeta[];
  }
}

const catalog = loadCatalog();
// Resolved once by the project's global setup (global-setup.ts): the target, seed, timeouts, pacing, budget, settings.
const target = inject('conformanceTarget');
let session: Session | undefined;

beforeAll(() => {
  session = createSession({
    baseUrl: target.baseUrl,
    kind: target.kind,
    seed: target.seed,
    timeoutMs: target.timeoutMs,
    ...(target.requestBudget ? { requestBudget: target.requestBudget } : {}),
    ...(target.maxPerSecond ? { maxPerSecond: target.maxPerSecond } : {}),
    env: target.settings,
    ledgerPath: target.ledgerPath,
    freshTarget: target.freshTarget,
  });
});

// vitest hands the suite (here the file) as the second argument, after a destructured context.
// biome-ignore lint/correctness/noEmptyPattern: vitest requires the first argument to be an object pattern
afterAll(async ({}, file) => {
  file.meta.conformanceShared = session?.sharedAnswers() ?? [];
  // Cards are cancelled after the run from the ledger (harness/cleanup.ts), by the CLI or the global setup's
  // teardown: no hook timeout applies.
  await session?.close();
});

// Independent cases run concurrently (maxConcurrency caps them; npm run conformance sets it from --concurrency).
const caseTest = target.concurrency > 1 ? test.concurrent : test;
const titles = scenarioTitles(allScenarios);
// --only and --shard (suites/selection.ts): the cases this run keeps.
const selected = new Set(selectedTitles(catalog, target.selection));
const sections = SECTION_ORDER.map((section) => ({
  section,
  cases: allScenarios
    .filter((s) => catalog.entryById.get(s.entry)?.section === section)
    .map((scenario): [string, Scenario] => [titles.get(scenario) ?? scenario.entry, scenario])
    .filter(([title]) => selected.has(title)),
})).filter(({ cases }) => cases.length > 0);
const bail = bailGuard(target.bail);

describe.each(sections)('$section', ({ cases }) => {
  caseTest.for(cases)('%s', async ([, scenario], ctx) => {
    if (!session) throw new EnvironmentError('the session did not start');
    if (bail.stopReason) ctx.skip(bail.stopReason);
    // Every answer the case saw is recorded on it; an environment failure runs it again from a fresh arrange.
    const run = await runCase(scenario, session.env, ctx.task.name, target.retriesOnError);
    const { result } = run;
    bail.record(result.outcome);
    ctx.task.meta.conformance = {
      ...result,
      title: ctx.task.name,
      undocumented: run.undocumented,
      shapes: run.shapes,
      ...(run.earlier.length ? { earlier_attempts: run.earlier } : {}),
    };
    if (result.outcome === 'skip') ctx.skip(result.reason);
    if (result.outcome === 'error') throw new EnvironmentError(result.reason);
    if (result.outcome === 'fail') throw new ContractFailure(result.reason);
  });
});
