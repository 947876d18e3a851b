// npm run conformance: provoke every documented error on the target and judge the answers.
// Target: the built-in mock unless UQPAY_BASE_URL is set. Exit codes: 0 all pass, 1 contract failures,
// 2 configuration or environment (bad settings, target unreachable, credentials refused, environment errors,
// cards left live), 130/143 after SIGINT/SIGTERM.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CatalogError, loadCatalog } from '../catalog/load.ts';
import { ConfigError } from '../harness/config.ts';
import { cleanupAfterRun, cleanupLine } from '../harness/run-cleanup.ts';
import { readRunSettings } from '../harness/settings.ts';
import { escapeRegExp } from '../lib/regexp.ts';
import { runSummary } from '../reporting/summary.ts';
import { ConformanceReporter } from '../reporting/vitest-reporter.ts';
import { writeReports } from '../reporting/write-reports.ts';
import { defaultConcurrency } from '../suites/concurrency.ts';
import type { ConformanceRun } from '../suites/target.ts';
import { checkExpectedTarget } from '../suites/target-guards.ts';
import { startBuiltinMock } from './builtin-mock.ts';
import { type ConformanceArgs, HELP, parseConformanceArgs, UsageError } from './conformance-args.ts';
import { contractGates, publishSummary } from './contract-gates.ts';
import { defaultReporter } from './default-reporter.ts';
import { RunInterrupt } from './interrupt.ts';
import { planReplay, type ReplayPlan, replayReport, replaySettings } from './replay-run.ts';
import { afterRun, checkEnvFile, checkReportsWritable, planHooks, planRun, type RunPlan } from './run-options.ts';
import { suiteProblem } from './suite-problem.ts';
import { runVerdict } from './verdict.ts';
import { conformanceProjectOptions } from './vitest-options.ts';

async function main(): Promise<number> {
  let args: ConformanceArgs | 'help';
  let run: ConformanceRun;
  let plan: RunPlan;
  let replay: ReplayPlan | null = null;
  try {
    args = parseConformanceArgs(process.argv.slice(2));
    if (args === 'help') {
      console.log(HELP);
      return 0;
    }
    checkEnvFile(args);
    replay = args.replay ? planReplay(args.replay, loadCatalog()) : null;
    if (replay?.titles.length === 0) {
      console.log(`replay: ${replay.file} has no failed or errored case; nothing to send`);
      return 0;
    }
    plan = await planRun(args, loadCatalog(), replay?.titles);
    if (args.list) {
      const filter = args.filter ?? '';
      console.log((plan.titles ?? []).filter((title) => title.includes(filter)).join('\n'));
      return 0;
    }
    const read = readRunSettings(args.envFile);
    const settings = replay ? replaySettings(read, replay) : read;
    checkExpectedTarget(args.expectTarget, settings.config.target);
    checkReportsWritable(resolve(args.reportsDir));
    run = {
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
  } catch (error) {
    if (error instanceof UsageError) return fail(`${error.message} (see npm run conformance -- --help)`);
    if (error instanceof ConfigError || error instanceof CatalogError) return fail(error.message);
    throw error;
  }
  return runSuiteAndCleanUp(args, run, plan, replay);
}

// The conformance project's global setup (suites/global-setup.ts) takes these settings, runs the preflight, opens the
// run's ledger, prints the banner and hands the resolved target to the suite and the reporter; this runs vitest on
// it, then cancels what the run created (outside vitest, so no hook timeout cuts it short) and sums up.
async function runSuiteAndCleanUp(
  args: ConformanceArgs,
  run: ConformanceRun,
  plan: RunPlan,
  replay: ReplayPlan | null,
): Promise<number> {
  const catalog = loadCatalog();
  const interrupt = new RunInterrupt((line) => console.error(line));
  const reporter = new ConformanceReporter({
    outputDir: run.reportsDir,
    echoSuiteLines: args.quiet,
    finish: planHooks(plan, args, catalog).finish,
  });
  const startingMock = startBuiltinMock(run);
  const [{ createVitest }, mock] = await Promise.all([import('vitest/node'), startingMock]);
  const vitest = await createVitest('test', {
    ...conformanceProjectOptions(),
    // From the sources, the project's own folder rather than the working directory: installed as a package, the
    // suites live in node_modules (from dist/ the options above name their folder already).
    ...(import.meta.url.endsWith('.ts') ? { root: fileURLToPath(new URL('..', import.meta.url)) } : {}),
    watch: false,
    maxConcurrency: run.concurrency,
    provide: { conformanceRun: mock ? { ...run, builtinMockUrl: mock.baseUrl } : run },
    // --quiet: only the conformance reporter's progress lines and the summary.
    reporters: [...(args.quiet ? [reporter] : [await defaultReporter(), reporter]), interrupt.reporter()],
    ...(args.filter ? { testNamePattern: new RegExp(escapeRegExp(args.filter), 'u') } : {}),
  });
  let cleanup: Awaited<ReturnType<typeof cleanupAfterRun>> | null = null;
  let ledgerPath = '';
  let problem: string | null = null;
  try {
    await vitest.start();
    problem = suiteProblem(vitest.state);
    const target = vitest.getProjectByName('conformance')?.getProvidedContext().conformanceTarget;
    if (target) {
      ledgerPath = target.ledgerPath;
      cleanup = await cleanupAfterRun({
        baseUrl: target.baseUrl,
        kind: target.kind,
        ledgerPath,
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
    if (name === 'ConfigError' || name === 'CatalogError') return fail((error as Error).message);
    throw error;
  } finally {
    interrupt.dispose();
    await vitest.close();
    await mock?.close();
  }
  const results = reporter.results;
  if (results && cleanup) {
    results.cleanup = { ...cleanup, ledger: cleanup.left.length ? ledgerPath : null };
    writeReports(run.reportsDir, results, catalog, reporter.write);
  }
  const leftLoudly = () => {
    if (!cleanup) return;
    console.log(`  ${cleanupLine(cleanup)}`);
    if (cleanup.left.length)
      console.error(
        `conformance: ${cleanup.left.length} cards may still be live on the target; finish with: npm run cleanup -- --ledger ${ledgerPath}`,
      );
  };
  const interrupted = () => {
    console.error(`conformance: interrupted by ${interrupt.signal}; the reports hold the cases that finished`);
    return interrupt.exitCode() ?? 2;
  };
  if (!results || results.summary.cases.total === 0) {
    leftLoudly();
    if (interrupt.signal) return interrupted();
    if (problem) return fail(problem, SUITE_BROKEN);
    return fail(args.filter ? `no case matches --filter "${args.filter}"` : 'the suite ran no cases');
  }
  console.log(runSummary(results, args.reportsDir, reporter.files));
  const after = afterRun(results, plan, args);
  const gates = contractGates(results, args, plan.baseline);
  const replayed = replay ? replayReport(replay, results) : null;
  const gateLines = [...(replayed?.lines ?? []), ...after.lines, ...gates.lines];
  if (gateLines.length) console.log(gateLines.join('\n'));
  leftLoudly();
  if (gates.coverageProblem) {
    console.error(`conformance: ${gates.coverageProblem}`);
    gateLines.push(gates.coverageProblem);
  }
  const interruptedCode = interrupt.signal ? interrupted() : null;
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

/** The exit code of a suite that broke itself, apart from 1 and 2 (as npm run fuzz does for a crashed property). */
const SUITE_BROKEN = 70;

function fail(message: string, code = 2): number {
  console.error(`conformance: ${message}`);
  return code;
}

const code = await main();
// Vitest or an HTTP pool may keep a handle open for seconds after the verdict; the summary is printed (stdout is
// synchronous for files and pipes) and the reports are written, so leave now.
process.exit(code);
