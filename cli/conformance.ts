// npm run conformance: provoke every documented error on the target and judge the answers.
// Target: the built-in mock unless UQPAY_BASE_URL is set. Exit codes: 0 all pass, 1 contract failures,
// 2 configuration or environment (bad settings, target unreachable, credentials refused, environment errors).

import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { CatalogError, loadCatalog } from '../catalog/load.ts';
import { ConfigError, loadRunConfig, pacingFor, type RunConfig } from '../harness/config.ts';
import type { RunningMock } from '../mock/server.ts';
import { ConformanceReporter } from '../reporting/vitest-reporter.ts';
import { type ConformanceArgs, HELP, parseConformanceArgs, UsageError } from './conformance-args.ts';
import { preflight, type ResolvedTarget } from './preflight.ts';
import {
  afterRun,
  checkBaselineTarget,
  checkEnvFile,
  checkExpectedTarget,
  checkReportsWritable,
  planHooks,
  planRun,
  type RunPlan,
} from './run-options.ts';

async function main(): Promise<number> {
  let args: ConformanceArgs | 'help';
  let config: RunConfig;
  let plan: RunPlan;
  try {
    args = parseConformanceArgs(process.argv.slice(2));
    if (args === 'help') {
      console.log(HELP);
      return 0;
    }
    checkEnvFile(args);
    loadDotenv({ quiet: true, path: args.envFile });
    plan = await planRun(args, loadCatalog());
    if (args.list) {
      const filter = args.filter ?? '';
      console.log((plan.titles ?? []).filter((title) => title.includes(filter)).join('\n'));
      return 0;
    }
    config = loadRunConfig(process.env, () => randomInt(1, 2 ** 31));
    checkExpectedTarget(args.expectTarget, config.target);
    checkReportsWritable(resolve(args.reportsDir));
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message} (see npm run conformance -- --help)`);
    if (error instanceof ConfigError || error instanceof CatalogError) return fail(error.message);
    throw error;
  }

  let target: ResolvedTarget;
  try {
    target = await preflight(config, process.env);
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  try {
    checkExpectedTarget(args.expectTarget, target);
    checkBaselineTarget(plan, target.kind);
  } catch (error) {
    await (target.mock as RunningMock | undefined)?.close();
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  const pacing = pacingFor(target.kind, config.maxPerSecond);
  console.log(
    `conformance: target ${target.kind} at ${target.baseUrl} · seed ${config.seed}` +
      `${config.seedFixed ? '' : ' (random; set UQPAY_SEED to replay)'}` +
      `${pacing ? ` · at most ${pacing} requests/s` : ''}` +
      `${config.requestBudget ? ` · budget ${config.requestBudget} requests` : ''}`,
  );
  try {
    return await run(args, config, target, plan);
  } finally {
    await (target.mock as RunningMock | undefined)?.close();
  }
}

async function run(args: ConformanceArgs, config: RunConfig, target: ResolvedTarget, plan: RunPlan): Promise<number> {
  const catalog = loadCatalog();
  const { finish, ...vitestOptions } = planHooks(plan, args, catalog);
  Object.assign(process.env, {
    UQPAY_CONFORMANCE_BASE_URL: target.baseUrl,
    UQPAY_CONFORMANCE_TARGET: target.kind,
    UQPAY_CONFORMANCE_SEED: String(config.seed),
    UQPAY_TIMEOUT_MS: String(config.timeoutMs),
  });
  const reporter = new ConformanceReporter({
    catalog,
    outputDir: resolve(args.reportsDir),
    facts: {
      target: target.kind,
      base_url_host: new URL(target.baseUrl).host,
      seed: config.seed,
      started_at: new Date().toISOString(),
    },
    finish,
  });
  // Loaded only when there is something to run: a configuration error should answer at once.
  const { startVitest } = await import('vitest/node');
  const vitest = await startVitest('test', [], {
    project: ['conformance'],
    watch: false,
    // --quiet: only the conformance reporter's progress lines and the summary.
    reporters: args.quiet ? [reporter] : ['default', reporter],
    ...vitestOptions,
    ...(args.filter ? { testNamePattern: new RegExp(escapeRegExp(args.filter), 'u') } : {}),
  });
  await vitest.close();
  const results = reporter.results;
  if (!results || results.summary.cases.total === 0) {
    return fail(args.filter ? `no case matches --filter "${args.filter}"` : 'the suite ran no cases');
  }
  const { entries, pairs, cases } = results.summary;
  const line = (name: string, t: typeof cases) =>
    `  ${name.padEnd(8)} ${t.total} total: ${t.passed} passed, ${t.failed} failed, ${t.errored} errored, ${t.skipped} skipped` +
    `${t.deviations ? `, ${t.deviations} known deviations` : ''}${t.not_applicable ? `, ${t.not_applicable} not applicable` : ''}`;
  console.log(
    ['conformance summary:', line('entries', entries), line('pairs', pairs), line('cases', cases)].join('\n'),
  );
  console.log(
    `  ${results.run.requests} requests in ${(results.run.duration_ms / 1000).toFixed(1)} s · seed ${results.run.seed}`,
  );
  if (results.undocumented.length)
    console.log(`  ${results.undocumented.length} undocumented error answers (see results.json)`);
  console.log(`  reports: ${args.reportsDir}/results.json, junit.xml, matrix.html`);
  const after = afterRun(results, plan, args);
  if (after.lines.length) console.log(after.lines.join('\n'));
  if (cases.failed > 0) return 1;
  if (cases.errored > 0) return fail(`${cases.errored} cases could not be judged because the environment failed`);
  if (args.failOnSkip && cases.skipped > 0) return fail(`${cases.skipped} cases were skipped (--fail-on-skip)`, 1);
  return after.failed ? 1 : 0;
}

function fail(message: string, code = 2): number {
  console.error(`conformance: ${message}`);
  return code;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

const code = await main();
process.exitCode = code;
// Vitest or an HTTP pool may keep a handle open; never hang after the verdict.
setTimeout(() => process.exit(code), 2000).unref();
