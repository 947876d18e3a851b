// npm run conformance: provoke every documented error on the target and judge the answers.
// Target: the built-in mock unless UQPAY_BASE_URL is set. Exit codes: 0 all pass, 1 contract failures,
// 2 configuration or environment (bad settings, target unreachable, credentials refused, environment errors,
// cards left live), 130/143 after SIGINT/SIGTERM.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reporter } from 'vitest/node';
import { CatalogError, loadCatalog } from '../catalog/load.ts';
import type { CleanupOutcome } from '../harness/cleanup.ts';
import { ConfigError } from '../harness/config.ts';
import { cleanupAfterRun, cleanupLine } from '../harness/run-cleanup.ts';
import { readRunSettings } from '../harness/settings.ts';
import { fail, runAsEntry, runCommand, SOFTWARE_ERROR } from '../lib/cli.ts';
import { escapeRegExp } from '../lib/regexp.ts';
import { runSummary } from '../reporting/summary.ts';
import { ConformanceReporter } from '../reporting/vitest-reporter.ts';
import { defaultConcurrency } from '../suites/concurrency.ts';
import type { ConformanceRun } from '../suites/target.ts';
import { checkExpectedTarget } from '../suites/target-guards.ts';
import { startBuiltinMock } from './builtin-mock.ts';
import { type ConformanceArgs, parseConformanceArgs } from './conformance-args.ts';
import { contractGates, publishSummary } from './contract-gates.ts';
import { defaultReporter } from './default-reporter.ts';
import { RunInterrupt } from './interrupt.ts';
import { planReplay, type ReplayPlan, replayReport, replaySettings } from './replay-run.ts';
import { afterRun, checkEnvFile, checkReportsWritable, planHooks, planRun, type RunPlan } from './run-options.ts';
import { suiteProblem } from './suite-problem.ts';
import { runVerdict } from './verdict.ts';
import { conformanceProjectOptions } from './vitest-options.ts';
import { earlyThreadsPool, startEarlyWorker, stopEarlyWorker } from './worker-prestart.ts';

/** npm run conformance (and npm run replay) with these arguments; resolves to the exit code. */
export function main(argv: string[]): Promise<number> {
  return runCommand('conformance', () => conformance(argv), [ConfigError, CatalogError]);
}

async function conformance(argv: string[]): Promise<number> {
  const args = parseConformanceArgs(argv);
  checkEnvFile(args);
  const replay = args.replay ? planReplay(args.replay, loadCatalog()) : null;
  if (replay?.titles.length === 0) {
    console.log(`replay: ${replay.file} has no failed or errored case; nothing to send`);
    return 0;
  }
  const plan = await planRun(args, loadCatalog(), replay?.titles);
  if (args.list) {
    const filter = args.filter ?? '';
    console.log((plan.titles ?? []).filter((title) => title.includes(filter)).join('\n'));
    return 0;
  }
  const read = readRunSettings(args.envFile);
  const settings = replay ? replaySettings(read, replay) : read;
  checkExpectedTarget(args.expectTarget, settings.config.target);
  checkReportsWritable(resolve(args.reportsDir));
  const run: ConformanceRun = {
    ...settings,
    mockFaults: args.mockFaults,
    reportsDir: resolve(args.reportsDir),
    concurrency: args.concurrency ?? defaultConcurrency(settings.config.target.builtIn),
    selection: plan.selection,
    bail: args.bail,
    retriesOnError: args.retriesOnError,
    expectTarget: args.expectTarget,
    // A replay is refused on another kind of target, like a baseline, once the target is resolved.
    baselineTarget: plan.baseline?.run.target ?? replay?.earlier.run.target ?? null,
  };
  const suite = await runSuiteAndCleanUp(args, run, plan);
  return sumUp(args, plan, replay, suite);
}

/** What a finished vitest run of the suite left: the reporter's results, the cleanup, a broken suite, a signal. */
interface SuiteRun {
  reporter: ConformanceReporter;
  cleanup: CleanupOutcome | null;
  ledgerPath: string;
  /** The suite broke itself (cli/suite-problem.ts); null when it did not. */
  problem: string | null;
  interrupt: RunInterrupt;
}

// The conformance project's global setup (suites/global-setup.ts) takes these settings, runs the preflight, opens the
// run's ledger, prints the banner and hands the resolved target to the suite and the reporter; this runs vitest on
// it, then cancels what the run created (outside vitest, so no hook timeout cuts it short) and writes the reports.
async function runSuiteAndCleanUp(args: ConformanceArgs, run: ConformanceRun, plan: RunPlan): Promise<SuiteRun> {
  const catalog = loadCatalog();
  const interrupt = new RunInterrupt((line) => console.error(line));
  const reporter = new ConformanceReporter({
    outputDir: run.reportsDir,
    echoSuiteLines: args.quiet,
    finish: planHooks(plan, args, catalog).finish,
  });
  // From dist/ only: the suite's worker thread starts first (cli/worker-prestart.ts), before vitest/node loads.
  const early = import.meta.url.endsWith('.js');
  if (early) startEarlyWorker(new URL('./worker-entry.js', import.meta.url));
  const startingMock = startBuiltinMock(run);
  // --quiet: only the conformance reporter's progress lines and the summary.
  const reporters = [...(args.quiet ? [reporter] : [await defaultReporter(), reporter]), interrupt.reporter()];
  const vitest = await createConformanceVitest(args, run, reporters, early);
  const suite: SuiteRun = { reporter, cleanup: null, ledgerPath: '', problem: null, interrupt };
  try {
    const mock = await startingMock;
    if (mock) vitest.provide('conformanceRun', { ...run, builtinMockUrl: mock.baseUrl });
    await vitest.start();
    suite.problem = suiteProblem(vitest.state);
    const target = vitest.getProjectByName('conformance')?.getProvidedContext().conformanceTarget;
    if (target) {
      suite.ledgerPath = target.ledgerPath;
      suite.cleanup = await cleanupAfterRun({
        baseUrl: target.baseUrl,
        kind: target.kind,
        ledgerPath: target.ledgerPath,
        env: target.settings,
        timeoutMs: target.timeoutMs,
        signal: interrupt.hurry.signal,
        log: (line) => console.log(`  ${line}`),
        maxPerSecond: target.maxPerSecond ?? undefined,
      });
    }
  } catch (error) {
    // Thrown by the global setup, which vitest loads in its own module graph: known by name, not by class.
    const name = (error as Error | undefined)?.name;
    if (name === 'ConfigError' || name === 'CatalogError') fail((error as Error).message);
    throw error;
  } finally {
    interrupt.dispose();
    await vitest.close();
    const unusedEarly = await stopEarlyWorker();
    if (unusedEarly) console.error(unusedEarly);
    await (await startingMock?.catch(() => null))?.close();
  }
  const { results } = reporter;
  if (results && suite.cleanup) {
    results.cleanup = { ...suite.cleanup, ledger: suite.cleanup.left.length ? suite.ledgerPath : null };
    // Loaded by the reporter already (it wrote the reports once before the cleanup).
    const { writeReports } = await import('../reporting/write-reports.ts');
    writeReports(run.reportsDir, results, catalog, reporter.write);
  }
  return suite;
}

/**
 * The vitest of the run, created while the built-in mock's thread may still be starting (its URL is provided once it
 * listens); `early`: its pool takes the worker thread started first (cli/worker-prestart.ts).
 */
async function createConformanceVitest(
  args: ConformanceArgs,
  run: ConformanceRun,
  reporters: Reporter[],
  early: boolean,
) {
  const { createVitest, ThreadsPoolWorker } = await import('vitest/node');
  return createVitest('test', {
    ...vitestOptions(args, run, reporters),
    ...(early ? { pool: earlyThreadsPool(ThreadsPoolWorker) } : {}),
  });
}

/** Vitest's options for the conformance project, with the run's settings provided and the reporters given. */
function vitestOptions(args: ConformanceArgs, run: ConformanceRun, reporters: Reporter[]) {
  return {
    ...conformanceProjectOptions(),
    // From the sources, the project's own folder rather than the working directory: installed as a package, the
    // suites live in node_modules (from dist/ the options above name their folder already).
    ...(import.meta.url.endsWith('.ts') ? { root: fileURLToPath(new URL('..', import.meta.url)) } : {}),
    watch: false,
    maxConcurrency: run.concurrency,
    provide: { conformanceRun: run },
    reporters,
    ...(args.filter ? { testNamePattern: new RegExp(escapeRegExp(args.filter), 'u') } : {}),
  };
}

/** Prints the summary, the gates and the cleanup, writes the Markdown summary, and returns the exit code. */
function sumUp(args: ConformanceArgs, plan: RunPlan, replay: ReplayPlan | null, suite: SuiteRun): number {
  const { results } = suite.reporter;
  const { interrupt, problem } = suite;
  if (!results || results.summary.cases.total === 0) {
    printCleanup(suite);
    if (interrupt.signal) return interrupted(interrupt);
    if (problem) return fail(problem, SUITE_BROKEN);
    return fail(args.filter ? `no case matches --filter "${args.filter}"` : 'the suite ran no cases');
  }
  console.log(runSummary(results, args.reportsDir, suite.reporter.files));
  const after = afterRun(results, plan, args);
  const gates = contractGates(results, args, plan.baseline);
  const replayed = replay ? replayReport(replay, results) : null;
  const gateLines = [...(replayed?.lines ?? []), ...after.lines, ...gates.lines];
  if (gateLines.length) console.log(gateLines.join('\n'));
  printCleanup(suite);
  if (gates.coverageProblem) {
    console.error(`conformance: ${gates.coverageProblem}`);
    gateLines.push(gates.coverageProblem);
  }
  const interruptedCode = interrupt.signal ? interrupted(interrupt) : null;
  const verdict = runVerdict({
    results,
    interruptedCode,
    failOnSkip: args.failOnSkip,
    gateFailed: after.failed || gates.failed || (replayed?.stillFailing ?? 0) > 0,
  });
  // A broken suite (a hook or an unhandled error of ours) outranks every verdict but an interruption: its case
  // results cannot be trusted either way.
  const code = problem && interruptedCode === null ? SUITE_BROKEN : verdict.code;
  const written = publishSummary(results, args, code, gateLines);
  if (written.length) console.log(`summary: ${written.join(', ')}`);
  if (code === SUITE_BROKEN && problem) return fail(problem, code);
  return verdict.line ? fail(verdict.line, verdict.code) : verdict.code;
}

/** The cleanup line, and loudly the cards that may still be live. */
function printCleanup({ cleanup, ledgerPath }: SuiteRun): void {
  if (!cleanup) return;
  console.log(`  ${cleanupLine(cleanup)}`);
  if (cleanup.left.length)
    console.error(
      `conformance: ${cleanup.left.length} cards may still be live on the target; finish with: npm run cleanup -- --ledger ${ledgerPath}`,
    );
}

function interrupted(interrupt: RunInterrupt): number {
  console.error(`conformance: interrupted by ${interrupt.signal}; the reports hold the cases that finished`);
  return interrupt.exitCode() ?? 2;
}

/** The exit code of a suite that broke itself, apart from 1 and 2 (as npm run fuzz does for a crashed property). */
const SUITE_BROKEN = SOFTWARE_ERROR;

await runAsEntry(import.meta.url, main);
