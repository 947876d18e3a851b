// Global setup of the vitest project "conformance": runs the preflight once, in the main process, and provides the
// resolved target to the suite and the reporter. npm run conformance hands it the settings it already read (so a
// mistake answers before vitest starts); run directly (npx vitest run --project conformance) it reads them itself.
// A configuration mistake or an unusable target throws ConfigError: one line from the CLI, exit 2.

import type { TestProject } from 'vitest/node';

import { pacingFor } from '../harness/config.ts';
import { readRunSettings } from '../harness/settings.ts';
import { preflight } from './preflight.ts';
import type { ConformanceTarget } from './target.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { config, settings } = project.getProvidedContext().conformanceRun ?? readRunSettings('.env');
  const resolved = await preflight(config, settings);
  const maxPerSecond = pacingFor(resolved.kind, config.maxPerSecond) ?? null;
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
  };
  project.provide('conformanceTarget', target);
  console.log(
    `conformance: target ${target.kind} at ${target.baseUrl} · seed ${target.seed}` +
      `${target.seedFixed ? '' : ' (random; set UQPAY_SEED to replay)'}` +
      `${maxPerSecond ? ` · at most ${maxPerSecond} requests/s` : ''}` +
      `${target.requestBudget ? ` · budget ${target.requestBudget} requests` : ''}`,
  );
  return async () => {
    await resolved.mock?.close();
  };
}
