// A vitest reporter for the conformance suite: prints progress on long runs and, at the end, writes
// reports/results.json, reports/junit.xml and reports/matrix.html from each test's conformance metadata.

import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { Catalog } from '../catalog/load.ts';
import type { CaseMeta } from '../suites/case-meta.ts';
import { buildResults, type RunFacts, type RunResults } from './results.ts';
import { type WriteOptions, writeReports } from './write-reports.ts';

export interface ReporterOptions {
  catalog: Catalog;
  outputDir: string;
  facts: Omit<RunFacts, 'requests' | 'catalog_sha256' | 'duration_ms'>;
  /** Progress line every this many cases (and on every failure or error). */
  progressEvery?: number;
  log?: (line: string) => void;
  /** Last step before the files are written: not-applicable cases, known deviations, the history line. */
  finish?: (results: RunResults) => { results: RunResults; write?: WriteOptions };
}

export class ConformanceReporter implements Reporter {
  results: RunResults | null = null;
  private readonly cases: CaseMeta[] = [];
  private readonly startedMs = Date.now();
  private readonly log: (line: string) => void;

  constructor(private readonly options: ReporterOptions) {
    this.log = options.log ?? ((line) => process.stdout.write(`${line}\n`));
  }

  onTestCaseResult(testCase: TestCase): void {
    const meta = caseMetaOf(testCase);
    if (!meta) return;
    this.cases.push(meta);
    const done = this.cases.length;
    const every = this.options.progressEvery ?? 50;
    if (meta.outcome === 'fail' || meta.outcome === 'error')
      this.log(`[conformance] ${meta.outcome.toUpperCase()} ${meta.title}: ${meta.reason}`);
    if (done % every === 0) this.log(`[conformance] ${done} cases done — ${this.tally()}`);
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    for (const error of unhandledErrors) {
      this.cases.push(errorCase('(run)', `unhandled error: ${(error as Error)?.message ?? String(error)}`));
    }
    const results = buildResults(
      this.options.catalog,
      { ...this.options.facts, duration_ms: Date.now() - this.startedMs },
      this.cases,
    );
    const finished = this.options.finish?.(results) ?? { results };
    this.results = finished.results;
    writeReports(this.options.outputDir, finished.results, this.options.catalog, finished.write);
  }

  private tally(): string {
    const count = (o: string) => this.cases.filter((c) => c.outcome === o).length;
    return `${count('pass')} passed, ${count('fail')} failed, ${count('error')} errored, ${count('skip')} skipped`;
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
    reason,
    expected: { status: 0, type: null, code: '', message: null, message_kind: '' },
    observed: null,
    requests: 0,
    durationMs: 0,
    undocumented: [],
  };
}
