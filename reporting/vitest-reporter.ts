// A vitest reporter for the conformance suite: prints progress on long runs and, at the end, writes
// every report file (reporting/write-reports.ts) from each test's conformance metadata.
// Its options come from the vitest config (vitest.config.ts, or npm run conformance); the run's facts (target, seed)
// from the conformance project's provided context, which its global setup fills. Inert in runs without that project.

import { resolve } from 'node:path';
import type { UserConsoleLog } from 'vitest';
import type { Reporter, TestCase, TestModule, Vitest } from 'vitest/node';
import { loadCatalog } from '../catalog/load.ts';
import { redactText } from '../harness/redact.ts';
import type { CaseMeta } from '../suites/case-meta.ts';
import { buildResults, type RunResults } from './results.ts';
import { progressLine, tally } from './summary.ts';
import type { WriteOptions } from './write-reports.ts';

export interface ReporterOptions {
  /**
   * Where the reports (reporting/write-reports.ts) go, from the vitest root. Default: the vitest config's
   * outputFile.conformance (--outputFile.conformance=<dir>), else reports.
   */
  outputDir?: string;
  /** Progress line every this many cases (and on every failure or error). */
  progressEvery?: number;
  log?: (line: string) => void;
  /** Echo the suite's own "[conformance] …" console lines (the cleanup line) when no other reporter prints them. */
  echoSuiteLines?: boolean;
  /** Last step before the files are written: not-applicable cases, known deviations, the history line. */
  finish?: (results: RunResults) => { results: RunResults; write?: WriteOptions };
}

const PROJECT = 'conformance';

export class ConformanceReporter implements Reporter {
  results: RunResults | null = null;
  /** The report files written, in order (results.json first). */
  files: string[] = [];
  private readonly cases: CaseMeta[] = [];
  /** Each test's place in the suite, and each reported case's: the order the reports keep. */
  private readonly suiteOrder = new Map<string, number>();
  private readonly positions = new Map<CaseMeta, number>();
  /** Cases this run will judge (the tests --filter selected), known once the suite is collected. */
  private total = 0;
  private collectedMs: number | null = null;
  private readonly startedMs = Date.now();
  private readonly log: (line: string) => void;
  private vitest: Vitest | undefined;
  private outputDir = 'reports';
  /** What the finishing step asked the writers for (the history), kept for a rewrite after cleanup. */
  write: WriteOptions = {};
  /**
   * The report writers (HTML, JUnit, drift) load once the first case is judged, while the main thread waits on the
   * suite, rather than at start-up, where they were about a tenth of a second before the first case.
   */
  private writers: Promise<typeof import('./write-reports.ts')> | undefined;

  constructor(private readonly options: ReporterOptions = {}) {
    this.log = options.log ?? ((line) => process.stdout.write(`${line}\n`));
  }

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
    const configured = (vitest.config.outputFile as Record<string, string> | undefined)?.[PROJECT];
    this.outputDir = resolve(vitest.config.root, this.options.outputDir ?? configured ?? 'reports');
  }

  onTestModuleCollected(testModule: TestModule): void {
    if (testModule.project.name !== PROJECT) return;
    for (const test of testModule.children.allTests()) {
      this.suiteOrder.set(test.id, this.suiteOrder.size);
      if (test.options.mode !== 'skip') this.total++;
    }
    this.collectedMs = Date.now();
  }

  onUserConsoleLog(log: UserConsoleLog): void {
    if (this.options.echoSuiteLines && log.content.startsWith('[conformance]')) this.log(log.content.trimEnd());
  }

  onTestCaseResult(testCase: TestCase): void {
    if (testCase.project.name !== PROJECT) return;
    const meta = caseMetaOf(testCase);
    if (!meta) return;
    this.loadWriters();
    this.cases.push(meta);
    this.positions.set(meta, this.suiteOrder.get(testCase.id) ?? Number.MAX_SAFE_INTEGER);
    const done = this.cases.length;
    const every = this.options.progressEvery ?? 50;
    if (meta.outcome === 'fail' || meta.outcome === 'error')
      this.log(`[conformance] ${meta.outcome.toUpperCase()} ${meta.title}: ${meta.reason}`);
    if (done % every === 0 || done === this.total)
      this.log(progressLine(done, this.total, Date.now() - this.startedMs, this.tally(), this.judgingMs()));
  }

  async onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): Promise<void> {
    // No target means the global setup did not resolve one (a configuration error) or the project did not run.
    const target = this.vitest?.getProjectByName(PROJECT)?.getProvidedContext().conformanceTarget;
    if (!target) return;
    for (const error of unhandledErrors) {
      this.cases.push(errorCase('(run)', `unhandled error: ${(error as Error)?.message ?? String(error)}`));
    }
    const catalog = loadCatalog();
    const facts = {
      target: target.kind,
      base_url_host: new URL(target.baseUrl).host,
      seed: target.seed,
      started_at: target.startedAt,
      duration_ms: Date.now() - this.startedMs,
    };
    // Concurrent cases finish in any order; the reports list them in suite order, as a sequential run would.
    const inSuiteOrder = [...this.cases].sort(
      (a, b) => (this.positions.get(a) ?? Number.MAX_SAFE_INTEGER) - (this.positions.get(b) ?? Number.MAX_SAFE_INTEGER),
    );
    // The shared arranged values' builds, handed over on the suite file (suites/conformance.test.ts).
    const shared = modules.filter((m) => m.project.name === PROJECT).flatMap((m) => m.meta().conformanceShared ?? []);
    const built = buildResults(catalog, facts, inSuiteOrder, shared);
    const finished = this.options.finish?.(built) ?? { results: built };
    this.results = finished.results;
    this.write = finished.write ?? {};
    const { writeReports } = await this.loadWriters();
    this.files = writeReports(this.outputDir, finished.results, catalog, this.write);
  }

  private loadWriters(): Promise<typeof import('./write-reports.ts')> {
    this.writers ??= import('./write-reports.ts');
    return this.writers;
  }

  private judgingMs(): number {
    return Date.now() - (this.collectedMs ?? this.startedMs);
  }

  private tally(): string {
    const count = (o: string) => this.cases.filter((c) => c.outcome === o).length;
    return tally({ passed: count('pass'), failed: count('fail'), errored: count('error'), skipped: count('skip') });
  }
}

/**
 * The case a test reported; a test that never reached its scenario (a failed setup) is an environment error.
 * Null for a test left out by --filter: it is not part of this run.
 */
function caseMetaOf(testCase: TestCase): CaseMeta | null {
  const meta = testCase.meta().conformance;
  if (meta) return meta;
  const result = testCase.result();
  if (result.state === 'skipped' || result.state === 'pending') return null;
  const reason =
    result.state === 'failed'
      ? `the test failed before its scenario ran: ${result.errors?.[0]?.message ?? 'unknown error'}`
      : `the test did not run its scenario (${result.state})`;
  return errorCase(testCase.name, reason);
}

function errorCase(title: string, reason: string): CaseMeta {
  const [operation = '(unknown)', entry = '(unknown)', fault = ''] = title.split(' › ');
  return {
    title,
    entry,
    operation,
    fault,
    outcome: 'error',
    checks: [],
    reason: redactText(reason),
    expected: { status: 0, type: null, code: '', message: null, message_kind: '' },
    observed: null,
    requests: 0,
    durationMs: 0,
    undocumented: [],
  };
}

export default ConformanceReporter;
