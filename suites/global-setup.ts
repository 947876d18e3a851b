// Global setup of the vitest project "conformance": runs the preflight once, in the main process, opens the run's
// ledger and provides the resolved target to the suite and the reporter. npm run conformance hands it the settings
// it already read (so a mistake answers before vitest starts) and cancels created cards itself after the run; run
// directly (npx vitest run --project conformance) it reads the settings itself and cancels them in its teardown.
// A configuration mistake or an unusable target throws ConfigError: one line from the CLI, exit 2.

import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { pacingFor } from '../harness/config.ts';
import { DEFAULT_RETRIES_ON_ERROR } from '../harness/run-case.ts';
import { cleanupAfterRun, cleanupLine, prepareLedger } from '../harness/run-cleanup.ts';
import { type RunSettings, readRunSettings } from '../harness/settings.ts';
import { defaultConcurrency } from './concurrency.ts';
import { preflight } from './preflight.ts';
import type { ConformanceRun, ConformanceTarget } from './target.ts';
import { checkBaselineTarget, checkExpectedTarget } from './target-guards.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const fromCli = project.getProvidedContext().conformanceRun;
  const read = fromCli ? null : readRunSettings('.env');
  const run: ConformanceRun = fromCli ?? {
    ...(read as RunSettings),
    mockFaults: null,
    selection: { only: [], shard: null },
    bail: null,
    retriesOnError: DEFAULT_RETRIES_ON_ERROR,
    expectTarget: 'any',
    baselineTarget: null,
    // vitest's maxConcurrency (its config) caps this.
    concurrency: defaultConcurrency(read?.config.target.builtIn === true),
    reportsDir: resolve(
      project.globalConfig.root,
      (project.globalConfig.outputFile as Record<string, string> | undefined)?.conformance ?? 'reports',
    ),
  };
  const { config, settings } = run;
  const resolved = await preflight(config, settings, run.mockFaults);
  try {
    checkExpectedTarget(run.expectTarget, resolved);
    checkBaselineTarget(run.baselineTarget, resolved.kind);
  } catch (error) {
    await resolved.mock?.close();
    throw error;
  }
  const maxPerSecond = pacingFor(resolved.kind, config.maxPerSecond) ?? null;
  const ledgerPath = prepareLedger(
    run.reportsDir,
    { baseUrl: resolved.baseUrl, target: resolved.kind, builtIn: resolved.mock !== undefined, seed: config.seed },
    (line) => console.error(line),
  );
  const target: ConformanceTarget = {
    baseUrl: resolved.baseUrl,
    kind: resolved.kind,
    seed: config.seed,
    seedFixed: config.seedFixed,
    timeoutMs: config.timeoutMs,
    maxPerSecond,
    requestBudget: config.requestBudget,
    settings,
    startedAt: new Date().toISOString(),
    ledgerPath,
    concurrency: run.concurrency,
    selection: run.selection,
    bail: run.bail,
    retriesOnError: run.retriesOnError,
    freshTarget: resolved.mock !== undefined,
  };
  project.provide('conformanceTarget', target);
  console.log(
    `conformance: target ${target.kind} at ${target.baseUrl} · seed ${target.seed}` +
      `${target.seedFixed ? '' : ' (random; set UQPAY_SEED to replay)'}` +
      `${maxPerSecond ? ` · at most ${maxPerSecond} requests/s` : ''}` +
      `${target.requestBudget ? ` · budget ${target.requestBudget} requests` : ''}` +
      `${run.mockFaults ? ` · mock faults on ${run.mockFaults * 100}% of requests` : ''}` +
      `${resolved.credentials === 'mock-own' ? " · credentials: the mock's own (UQPAY_CLIENT_ID and UQPAY_API_KEY not set)" : ''}`,
  );
  return async () => {
    if (!fromCli) {
      const outcome = await cleanupAfterRun({
        baseUrl: target.baseUrl,
        kind: target.kind,
        ledgerPath,
        env: settings,
        timeoutMs: target.timeoutMs,
        maxPerSecond: maxPerSecond ?? undefined,
      });
      console.log(`[conformance] ${cleanupLine(outcome)}`);
    }
    await resolved.mock?.close();
  };
}
