// npm run fuzz: fast-check properties against the target's input validation. Same target selection, .env, guards,
// seed and reports folder as npm run conformance (harness/config.ts, suites/preflight.ts). Exit codes: 0 every
// property held, 1 a property was falsified, 2 configuration or environment, 70 a property crashed (a bug of ours).

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CatalogError, loadCatalog } from '../catalog/load.ts';
import { fuzzContext } from '../fuzz/context.ts';
import { coverageLine } from '../fuzz/coverage.ts';
import { allProperties } from '../fuzz/properties.ts';
import { type PropertyResult, runProperties } from '../fuzz/run.ts';
import { PropertyCrash } from '../fuzz/types.ts';
import { TargetError, TokenError } from '../harness/client.ts';
import { ConfigError, pacingFor, type RunConfig } from '../harness/config.ts';
import { cleanupAfterRun, cleanupLine, prepareLedger } from '../harness/run-cleanup.ts';
import { createSession } from '../harness/session.ts';
import { readRunSettings } from '../harness/settings.ts';
import { fail, runAsEntry, runCommand, SOFTWARE_ERROR } from '../lib/cli.ts';
import { type FuzzReport, fuzzReport } from '../reporting/fuzz-report.ts';
import { writeFuzzReports } from '../reporting/write-fuzz-reports.ts';
import { checkExpectedTarget } from '../suites/target-guards.ts';
import { type FuzzArgs, fuzzSettings, parseFuzzArgs } from './fuzz-args.ts';
import { type FuzzTarget, resolveFuzzTarget } from './fuzz-target.ts';
import { checkEnvFile } from './run-options.ts';

/** npm run fuzz with these arguments; resolves to the exit code. */
export function main(argv: string[]): Promise<number> {
  return runCommand('fuzz', () => fuzz(argv), [ConfigError, CatalogError, TargetError, TokenError]);
}

async function fuzz(argv: string[]): Promise<number> {
  const args = parseFuzzArgs(argv);
  checkEnvFile(args);
  // The UQPAY_* settings (credentials, fixtures, fuzz sizes) from the environment and --env; nothing is written back.
  const { config, settings: env } = readRunSettings(args.envFile);
  checkExpectedTarget(args.expectTarget, config.target);
  loadCatalog();
  const filter = args.filter;
  const properties = allProperties().filter((p) => filter === null || p.name.includes(filter));
  if (args.list) {
    for (const p of properties) console.log(p.name);
    return 0;
  }
  if (properties.length === 0) fail(`no property matches --filter "${filter}"`);
  const target = await resolveFuzzTarget(config, env);
  try {
    checkExpectedTarget(args.expectTarget, target);
    const settings = fuzzSettings(env, target.kind === 'mock');
    if (settings.path && properties.length !== 1) {
      throw new ConfigError(`UQPAY_FUZZ_PATH replays one property: --filter selects ${properties.length}`);
    }
    const pacing = pacingFor(target.kind, config.maxPerSecond);
    console.log(
      `fuzz: target ${target.kind} at ${target.baseUrl} · seed ${config.seed}` +
        `${config.seedFixed ? '' : ' (random; set UQPAY_SEED to replay)'}` +
        ` · ${properties.length} properties · up to ${settings.runs} runs each (UQPAY_FUZZ_RUNS)` +
        `${pacing ? ` · at most ${pacing} requests/s` : ''}` +
        `${config.requestBudget ? ` · budget ${config.requestBudget} requests` : ''}`,
    );
    return await run(args, config, target, settings, properties, env);
  } finally {
    await target.close();
  }
}

async function run(
  args: FuzzArgs,
  config: RunConfig,
  target: FuzzTarget,
  settings: { runs: number; path: string | null },
  properties: ReturnType<typeof allProperties>,
  env: Record<string, string>,
): Promise<number> {
  const pacing = pacingFor(target.kind, config.maxPerSecond);
  const { session, ledgerPath } = fuzzSession(args, config, target, pacing, env);
  const startedAt = new Date().toISOString();
  const started = performance.now();
  let results: PropertyResult[];
  let fz: Awaited<ReturnType<typeof fuzzContext>>;
  try {
    fz = await fuzzContext(session);
    // Precedence must be stable across runs too: winners an earlier run saw on this host are the expected ones.
    for (const [property, winner] of previousWinners(resolve(args.reportsDir), new URL(target.baseUrl).host))
      fz.observations.set(property, winner);
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
    if (error instanceof TargetError || error instanceof TokenError) throw error;
    // A replay path that does not fit (ConfigError) may fail after its first case created cards, and a crashed
    // property (a bug in this project, not the target's answer) too: cancel them before the line or the stack.
    if (ledgerPath) await cleanup(target, ledgerPath, config, pacing, env);
    if (error instanceof PropertyCrash)
      fail(`${error.message}: a bug in this project, not the target's answer\n${error.stack ?? ''}`, SOFTWARE_ERROR);
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
    fz.shapeObservations,
  );
  await session.close();
  const left = ledgerPath ? await cleanup(target, ledgerPath, config, pacing, env) : 0;
  writeFuzzReports(resolve(args.reportsDir), report);
  printSummary(report, args.reportsDir);
  return exitCode(report, left);
}

/** 2 when cards were left live, 1 when a property was falsified, 2 when one could not be judged, else 0. */
function exitCode({ summary }: FuzzReport, cardsLeft: number): number {
  if (cardsLeft > 0) return 2;
  if (summary.failed > 0) return 1;
  if (summary.errored > 0) fail(`${summary.errored} properties could not be judged because the environment failed`);
  return 0;
}

/** The run's session; on a target other than the built-in mock (which is disposable) its cards go into a ledger. */
function fuzzSession(
  args: FuzzArgs,
  config: RunConfig,
  target: FuzzTarget,
  pacing: number | null | undefined,
  env: Record<string, string>,
) {
  const ledgerPath = target.builtIn
    ? null
    : prepareLedger(
        resolve(args.reportsDir),
        { baseUrl: target.baseUrl, target: target.kind, seed: config.seed },
        (line) => console.error(line),
      );
  const session = createSession({
    baseUrl: target.baseUrl,
    kind: target.kind,
    seed: config.seed,
    timeoutMs: config.timeoutMs,
    ...(config.requestBudget ? { requestBudget: config.requestBudget } : {}),
    ...(pacing ? { maxPerSecond: pacing } : {}),
    ...(ledgerPath ? { ledgerPath } : {}),
    env,
  });
  return { session, ledgerPath };
}

function printSummary(report: FuzzReport, reportsDir: string): void {
  const { summary } = report;
  console.log(
    `fuzz summary: ${summary.properties} properties: ${summary.passed} held, ${summary.failed} falsified, ${summary.errored} errored${summary.skipped ? `, ${summary.skipped} skipped` : ''}\n` +
      `  ${summary.cases} cases, ${report.run.requests} requests in ${(report.run.duration_ms / 1000).toFixed(1)} s` +
      ` · ${report.cases_per_second} cases/s · seed ${report.run.seed}` +
      `\n  ${coverageLine(report.coverage)}` +
      `${report.drift.length ? `\n  ${report.drift.length} undocumented answers (drift section of fuzz.json)` : ''}` +
      `\n  reports: ${reportsDir}/fuzz.json, junit.xml (testsuite uqpay-fuzz)`,
  );
}

function print(r: PropertyResult, quiet: boolean): void {
  if (r.outcome === 'pass') {
    if (!quiet) console.log(`  ✓ ${r.name} (${r.runs} runs)`);
    return;
  }
  if (r.outcome === 'skip') {
    console.log(`  - SKIPPED ${r.name}: ${r.reason ?? ''}`);
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

/** Cancels the cards the run issued (outside the built-in mock), from its ledger; says loudly what is left. */
async function cleanup(
  target: FuzzTarget,
  ledgerPath: string,
  config: RunConfig,
  pacing: number | null | undefined,
  env: Record<string, string>,
): Promise<number> {
  const outcome = await cleanupAfterRun({
    baseUrl: target.baseUrl,
    kind: target.kind,
    ledgerPath,
    env,
    timeoutMs: config.timeoutMs,
    maxPerSecond: pacing ?? undefined,
  });
  console.log(`  ${cleanupLine(outcome)}`);
  if (outcome.left.length)
    console.error(
      `fuzz: ${outcome.left.length} cards may still be live on the target; finish with: npm run cleanup -- --ledger ${ledgerPath}`,
    );
  return outcome.left.length;
}

/** Precedence winners in an earlier fuzz.json of the same host (none when absent; said so when unreadable). */
function previousWinners(dir: string, host: string): [string, unknown][] {
  const file = join(dir, 'fuzz.json');
  if (!existsSync(file)) return [];
  try {
    const previous = JSON.parse(readFileSync(file, 'utf8')) as FuzzReport;
    if (previous.run?.base_url_host !== host && !(isLoopback(previous.run?.base_url_host) && isLoopback(host)))
      return [];
    return (previous.precedence ?? []).map(({ property, winner }) => [property, winner]);
  } catch (error) {
    // Only the comparison with earlier winners is lost: the run goes on, but not in silence.
    console.error(`fuzz: ${file} cannot be read, so precedence is not compared with it: ${(error as Error).message}`);
    return [];
  }
}

/** The built-in mock listens on a new port each run: any loopback host is the same target kind. */
function isLoopback(host: string | undefined): boolean {
  return host?.startsWith('127.0.0.1:') ?? false;
}

await runAsEntry(import.meta.url, main);
