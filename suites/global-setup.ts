// Global setup of the vitest project "conformance": runs the preflight once, in the main process, opens the run's
// ledger and provides the resolved target to the suite and the reporter. npm run conformance hands it the settings
// it already read (so a mistake answers before vitest starts) and cancels created cards itself after the run; run
// directly (npx vitest run --project conformance) it reads the settings itself and cancels them in its teardown.
// A configuration mistake or an unusable target throws ConfigError: one line from the CLI, exit 2.

import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { DEFAULT_RETRIES_ON_ERROR, pacingFor } from '../harness/config.ts';
import { cleanupAfterRun, cleanupLine, prepareLedger } from '../harness/run-cleanup.ts';
import { readRunSettings } from '../harness/settings.ts';
import { defaultConcurrency } from './concurrency.ts';
import { preflight, type ResolvedTarget } from './preflight.ts';
import type { ConformanceRun, ConformanceTarget } from './target.ts';
import { checkBaselineTarget, checkExpectedTarget } from './target-guards.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const fromCli = project.getProvidedContext().conformanceRun;
  // npm run conformance starts the built-in mock on a thread of its own and provides its URL before the suite
  // starts: without it the preflight would quietly start a second mock here.
  if (fromCli?.config.target.builtIn && !fromCli.builtinMockUrl)
    throw new Error('npm run conformance started the built-in mock, but its URL did not reach the global setup');
  const run = fromCli ?? runFromSettings(project);
  const { config, settings } = run;
  const resolved = await checkedPreflight(run);
  const maxPerSecond = pacingFor(resolved.kind, config.maxPerSecond) ?? null;
  const ledgerPath = prepareLedger(
    run.reportsDir,
    { baseUrl: resolved.baseUrl, target: resolved.kind, builtIn: resolved.builtIn === true, seed: config.seed },
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
    freshTarget: resolved.builtIn === true,
  };
  project.provide('conformanceTarget', target);
  console.log(banner(target, run.mockFaults, resolved.credentials));
  return async () => {
    // npm run conformance cancels created cards itself, after vitest.
    if (!fromCli) await cleanUp(target);
    await resolved.mock?.close();
  };
}

/** Run directly (npx vitest run --project conformance): the settings from the environment and .env, and defaults. */
function runFromSettings(project: TestProject): ConformanceRun {
  const read = readRunSettings('.env');
  return {
    ...read,
    mockFaults: null,
    selection: { only: [], shard: null },
    bail: null,
    retriesOnError: DEFAULT_RETRIES_ON_ERROR,
    expectTarget: 'any',
    baselineTarget: null,
    // vitest's maxConcurrency (its config) caps this.
    concurrency: defaultConcurrency(read.config.target.builtIn),
    reportsDir: resolve(
      project.globalConfig.root,
      (project.globalConfig.outputFile as Record<string, string> | undefined)?.conformance ?? 'reports',
    ),
  };
}

/** The preflight, then the guards that need the resolved target (a built-in mock is closed when they refuse). */
async function checkedPreflight(run: ConformanceRun): Promise<ResolvedTarget> {
  const resolved = await preflight(run.config, run.settings, run.mockFaults, run.builtinMockUrl);
  try {
    checkExpectedTarget(run.expectTarget, resolved);
    checkBaselineTarget(run.baselineTarget, resolved.kind);
  } catch (error) {
    await resolved.mock?.close();
    throw error;
  }
  return resolved;
}

/** The run's first line: target, seed, and whatever paces, limits or breaks it. */
export function banner(
  target: Pick<ConformanceTarget, 'kind' | 'baseUrl' | 'seed' | 'seedFixed' | 'maxPerSecond' | 'requestBudget'>,
  mockFaults: number | null,
  credentials: ResolvedTarget['credentials'],
): string {
  return (
    `conformance: target ${target.kind} at ${target.baseUrl} · seed ${target.seed}` +
    `${target.seedFixed ? '' : ' (random; set UQPAY_SEED to replay)'}` +
    `${target.maxPerSecond ? ` · at most ${target.maxPerSecond} requests/s` : ''}` +
    `${target.requestBudget ? ` · budget ${target.requestBudget} requests` : ''}` +
    `${mockFaults ? ` · mock faults on ${mockFaults * 100}% of requests` : ''}` +
    `${credentials === 'mock-own' ? " · credentials: the mock's own (UQPAY_CLIENT_ID and UQPAY_API_KEY not set)" : ''}`
  );
}

/** Cancels what the run created (run directly: npm run conformance does this itself, after vitest). */
async function cleanUp(target: ConformanceTarget): Promise<void> {
  const outcome = await cleanupAfterRun({
    baseUrl: target.baseUrl,
    kind: target.kind,
    ledgerPath: target.ledgerPath,
    env: target.settings,
    timeoutMs: target.timeoutMs,
    maxPerSecond: target.maxPerSecond ?? undefined,
  });
  console.log(`[conformance] ${cleanupLine(outcome)}`);
}
