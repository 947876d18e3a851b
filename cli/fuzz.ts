// npm run fuzz: fast-check properties against the target's input validation. Same target selection, .env, guards,
// seed and reports folder as npm run conformance (harness/config.ts, cli/preflight.ts). Exit codes: 0 every
// property held, 1 a property was falsified, 2 configuration or environment.

import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { CatalogError, loadCatalog } from '../catalog/load.ts';
import { fuzzContext } from '../fuzz/context.ts';
import { allProperties } from '../fuzz/properties.ts';
import { type PropertyResult, runProperties } from '../fuzz/run.ts';
import { TargetError, TokenError } from '../harness/client.ts';
import { ConfigError, loadRunConfig, pacingFor, type RunConfig } from '../harness/config.ts';
import { createSession } from '../harness/session.ts';
import { type FuzzReport, fuzzReport, writeFuzzReports } from '../reporting/fuzz-report.ts';
import { FUZZ_HELP, type FuzzArgs, FuzzUsageError, fuzzSettings, parseFuzzArgs } from './fuzz-args.ts';
import { preflight, type ResolvedTarget } from './preflight.ts';

async function main(): Promise<number> {
  let args: FuzzArgs | 'help';
  let config: RunConfig;
  try {
    args = parseFuzzArgs(process.argv.slice(2));
    if (args === 'help') {
      console.log(FUZZ_HELP);
      return 0;
    }
    loadDotenv({ quiet: true, path: args.envFile });
    config = loadRunConfig(process.env, () => randomInt(1, 2 ** 31));
    loadCatalog();
  } catch (error) {
    if (error instanceof FuzzUsageError) return fail(`${error.message} (see npm run fuzz -- --help)`);
    if (error instanceof ConfigError || error instanceof CatalogError) return fail(error.message);
    throw error;
  }
  const filter = args.filter;
  const properties = allProperties().filter((p) => filter === null || p.name.includes(filter));
  if (args.list) {
    for (const p of properties) console.log(p.name);
    return 0;
  }
  if (properties.length === 0) return fail(`no property matches --filter "${filter}"`);

  let target: ResolvedTarget;
  let settings: ReturnType<typeof fuzzSettings>;
  try {
    target = await preflight(config, process.env);
    settings = fuzzSettings(process.env, target.kind === 'mock');
    if (settings.path && properties.length !== 1) {
      throw new ConfigError(`UQPAY_FUZZ_PATH replays one property: --filter selects ${properties.length}`);
    }
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  const pacing = pacingFor(target.kind, config.maxPerSecond);
  console.log(
    `fuzz: target ${target.kind} at ${target.baseUrl} · seed ${config.seed}` +
      `${config.seedFixed ? '' : ' (random; set UQPAY_SEED to replay)'}` +
      ` · ${properties.length} properties · up to ${settings.runs} runs each (UQPAY_FUZZ_RUNS)` +
      `${pacing ? ` · at most ${pacing} requests/s` : ''}` +
      `${config.requestBudget ? ` · budget ${config.requestBudget} requests` : ''}`,
  );
  try {
    return await run(args, config, target, settings, properties);
  } finally {
    await target.mock?.close();
  }
}

async function run(
  args: FuzzArgs,
  config: RunConfig,
  target: ResolvedTarget,
  settings: { runs: number; path: string | null },
  properties: ReturnType<typeof allProperties>,
): Promise<number> {
  const pacing = pacingFor(target.kind, config.maxPerSecond);
  const session = createSession({
    baseUrl: target.baseUrl,
    kind: target.kind,
    seed: config.seed,
    timeoutMs: config.timeoutMs,
    ...(config.requestBudget ? { requestBudget: config.requestBudget } : {}),
    ...(pacing ? { maxPerSecond: pacing } : {}),
  });
  const startedAt = new Date().toISOString();
  const started = performance.now();
  let results: PropertyResult[];
  let fz: Awaited<ReturnType<typeof fuzzContext>>;
  try {
    fz = await fuzzContext(session);
    // Precedence must be stable across runs too: winners an earlier run saw on this host are the expected ones.
    for (const [property, winner] of previousWinners(resolve(args.reportsDir), new URL(target.baseUrl).host)) {
      fz.observations.set(property, winner);
    }
    results = await runProperties(properties, fz, {
      seed: config.seed,
      numRuns: settings.runs,
      baseUrl: target.baseUrl,
      concurrency: target.kind === 'mock' ? 8 : 1,
      ...(settings.path ? { path: settings.path } : {}),
      onResult: (r) => print(r, args.quiet),
    });
  } catch (error) {
    await session.close();
    if (error instanceof TargetError || error instanceof TokenError) return fail(error.message);
    throw error;
  }
  const report = fuzzReport(
    {
      target: target.kind,
      base_url_host: new URL(target.baseUrl).host,
      seed: config.seed,
      num_runs: settings.runs,
      started_at: startedAt,
      duration_ms: Math.round(performance.now() - started),
      requests: session.env.client.requestCount,
      filter: args.filter,
    },
    results,
    fz.drift,
    fz.observations,
  );
  await cleanup(session);
  await session.close();
  writeFuzzReports(resolve(args.reportsDir), report);
  const { summary } = report;
  console.log(
    `fuzz summary: ${summary.properties} properties: ${summary.passed} held, ${summary.failed} falsified, ${summary.errored} errored\n` +
      `  ${summary.cases} cases, ${report.run.requests} requests in ${(report.run.duration_ms / 1000).toFixed(1)} s` +
      ` · ${report.cases_per_second} cases/s · seed ${config.seed}` +
      `${report.drift.length ? `\n  ${report.drift.length} undocumented answers (drift section of fuzz.json)` : ''}` +
      `\n  reports: ${args.reportsDir}/fuzz.json, junit.xml (testsuite uqpay-fuzz)`,
  );
  if (summary.failed > 0) return 1;
  if (summary.errored > 0)
    return fail(`${summary.errored} properties could not be judged because the environment failed`);
  return 0;
}

function print(r: PropertyResult, quiet: boolean): void {
  if (r.outcome === 'pass') {
    if (!quiet) console.log(`  ✓ ${r.name} (${r.runs} runs)`);
    return;
  }
  const mark = r.outcome === 'fail' ? '✗ FALSIFIED' : '! ERROR';
  console.log(
    [
      `  ${mark} ${r.name}`,
      `      entry ${r.entry ?? '-'} · operation ${r.operation} · seed ${r.seed}${r.path ? ` · path ${r.path}` : ''}`,
      `      ${r.reason ?? ''}`,
      r.counterexample ? `      counterexample (shrunk): ${r.counterexample}` : null,
      r.curl ? `      ${r.curl}` : null,
    ]
      .filter((line) => line !== null)
      .join('\n'),
  );
}

/** Anywhere but the mock, cancel the cards this run issued; say so loudly when that fails. */
async function cleanup(session: ReturnType<typeof createSession>): Promise<void> {
  if (session.kind === 'mock') return;
  const { cancelled, failed } = await session.cleanup();
  if (cancelled) console.log(`  cancelled the ${cancelled} cards this run issued`);
  if (failed)
    console.error(`fuzz: WARNING: ${failed} cards this run issued could not be cancelled; cancel them by hand`);
}

/** Precedence winners in an earlier fuzz.json of the same host (none when absent or unreadable). */
function previousWinners(dir: string, host: string): [string, unknown][] {
  try {
    const previous = JSON.parse(readFileSync(join(dir, 'fuzz.json'), 'utf8')) as FuzzReport;
    if (previous.run?.base_url_host !== host && !(isLoopback(previous.run?.base_url_host) && isLoopback(host)))
      return [];
    return (previous.precedence ?? []).map(({ property, winner }) => [property, winner]);
  } catch {
    return [];
  }
}

/** The built-in mock listens on a new port each run: any loopback host is the same target kind. */
function isLoopback(host: string | undefined): boolean {
  return host?.startsWith('127.0.0.1:') ?? false;
}

function fail(message: string, code = 2): number {
  console.error(`fuzz: ${message}`);
  return code;
}

const code = await main();
process.exitCode = code;
// An HTTP pool may keep a handle open; never hang after the verdict.
setTimeout(() => process.exit(code), 2000).unref();
