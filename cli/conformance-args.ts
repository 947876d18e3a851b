// Command-line arguments of npm run conformance.

import { DEFAULT_RETRIES_ON_ERROR } from '../harness/config.ts';
import { type CliArgs, type OptionCheck, parseCommandArgs, UsageError } from '../lib/cli.ts';

export const HELP = `Usage: npm run conformance -- [options]

Provokes every documented Card Issuance error on the target and checks status, type, code and message.

Target (from the environment or .env):
  UQPAY_BASE_URL        API base, e.g. https://api-sandbox.uqpaytech.com/api or a mock from npm run mock.
                        Empty: the built-in mock, started in-process.
  UQPAY_CLIENT_ID, UQPAY_API_KEY   credentials (required for a target that is not a mock)
  UQPAY_FIXTURE_*       ids of states a sandbox request cannot create (see README "Fixtures")
  UQPAY_SEED            seed of every random choice (default: random, printed in every report)
  UQPAY_TIMEOUT_MS      per-request timeout (default 30000)
  UQPAY_MAX_RPS         requests per second (default: unpaced on a mock, 8 elsewhere; 0 = unpaced)
  UQPAY_REQUEST_BUDGET  most requests a run may send (default: no limit); past it cases are errors
  UQPAY_ALLOW_HOSTS     extra target hosts to accept (comma-separated); the sandbox and loopback always are,
                        production (*.uqpay.com) never

Options:
  --filter <text>       only cases whose name contains <text> ("Card Recharge", "card.b.", "› general.")
  --reports <dir>       where to write results.json, junit.xml, conformance.html, drift.md (default reports)
  --env <path>          read settings from this file instead of .env
  --concurrency <n>     cases run at once (default 16 on the built-in mock, 4 elsewhere); pacing and the
                        request budget still apply
  --fail-on-skip        exit 1 when any case was skipped (cases only a mock can provoke are "not applicable
                        on this target" on the sandbox, and do not count)
  --quiet               progress every 50 cases (and each failure) instead of every test name; the
                        summary and the cleanup line are still printed
  --mock-faults <rate>  built-in mock only: about this share (0–1) of requests meets a 429 with Retry-After,
                        a 500, a connection reset or 2 s of latency; verdicts must not change
  --retries-on-error <n>  run a case whose environment failed (5xx or 429 not under test, a gateway or
                        garbled answer, a timeout) again from a fresh arrange, up to n times (default 2;
                        0 = never); contract failures are never retried

Selection:
  --list                print the selected case names and exit; sends nothing
  --only <name>         only this section, operation or entry id (repeatable: "card", "Card Recharge",
                        "card.card_not_found")
  --shard <i>/<n>       run the i-th of n deterministic slices (merge them with npm run merge-reports)
  --bail <n>            stop after n cases failed or errored

Nightly and release gate:
  --expect-target <kind>  sandbox | mock | any (default any): exit 2 if the target resolves to another kind
  --baseline <file>     compare with an earlier run's results.json; regressions exit 1
  --deviations <file>   known deviations (default conformance.deviations.json)
  --history <file>      append this run to a JSONL history; the HTML report draws its last 30 runs; failures
                        of pairs that never passed on this target kind in it are pending (reported, not gating)
  --min-coverage <pct>  exit 1 when fewer than <pct> % of the documented (entry, operation) pairs were provoked
                        and answered as documented; the line names the biggest gaps
  --summary-md <file>   write a Markdown summary (verdict, coverage, failure clusters, first failures, settings
                        to add); also appended to $GITHUB_STEP_SUMMARY when that is set
  -h, --help            show this help

Replay:
  npm run replay -- <results.json> [options]   re-send only the failed and errored cases of that run, with its
                        seed, against the target configured as usual (it must be of the same kind); prints FIXED,
                        STILL FAILING or STILL ERRORED per case; reports go to reports/replay unless --reports

Exit codes: 0 every case passed (skips allowed unless --fail-on-skip; known deviations allowed),
            1 contract failures, regressions against --baseline, or an expired or stale known deviation,
            2 configuration or environment problems (nothing judged, cases that errored, cards left live),
            130/143 interrupted (SIGINT/SIGTERM): created cards cancelled, reports written.
Cleanup: every card the run creates is cancelled at the end (see reports/ledger.jsonl);
         after a crash: npm run cleanup -- --ledger <file>.`;

export interface ConformanceArgs {
  filter: string | null;
  reportsDir: string;
  envFile: string;
  /** --env was given: then the file must be readable. */
  envExplicit: boolean;
  failOnSkip: boolean;
  quiet: boolean;
  /** --mock-faults: share of the built-in mock's requests that meet background faults; null for none. */
  mockFaults: number | null;
  /** Cases run at once; null for the default of the target. */
  concurrency: number | null;
  /** --retries-on-error: fresh attempts of a case whose environment failed. */
  retriesOnError: number;
  /** Selection, nightly and gate options (cli/run-options.ts). */
  list: boolean;
  only: string[];
  shard: string | null;
  bail: number | null;
  expectTarget: 'sandbox' | 'mock' | 'any';
  baseline: string | null;
  deviations: string | null;
  history: string | null;
  /** --min-coverage: the least conformant share of documented pairs, in percent; null for no gate. */
  minCoverage: number | null;
  /** --summary-md: where to write the Markdown summary; null for none. */
  summaryMd: string | null;
  /** npm run replay <results.json>: re-send that run's failed and errored cases; null for a normal run. */
  replay: string | null;
}

/** The options npm run conformance and npm run fuzz share (read by targetArgs). */
export const TARGET_OPTIONS = {
  filter: { type: 'string' },
  reports: { type: 'string' },
  env: { type: 'string' },
  'expect-target': { type: 'string' },
  list: { type: 'boolean' },
  quiet: { type: 'boolean' },
} as const;

const OPTIONS = {
  ...TARGET_OPTIONS,
  'fail-on-skip': { type: 'boolean' },
  'mock-faults': { type: 'string' },
  concurrency: { type: 'string' },
  'retries-on-error': { type: 'string' },
  only: { type: 'string', multiple: true },
  shard: { type: 'string' },
  bail: { type: 'string' },
  baseline: { type: 'string' },
  deviations: { type: 'string' },
  history: { type: 'string' },
  'min-coverage': { type: 'string' },
  'summary-md': { type: 'string' },
} as const;

/** The checks of TARGET_OPTIONS. */
export const TARGET_CHECKS: Record<string, OptionCheck> = {
  filter: { valid: (v) => v.trim() !== '', problem: () => '--filter needs a non-empty text' },
  'expect-target': {
    valid: (v) => v === 'sandbox' || v === 'mock' || v === 'any',
    problem: (v) => `--expect-target must be sandbox, mock or any (got "${v}")`,
  },
};

/** --min-coverage <percent>: a number from 0 to 100 (npm run conformance and npm run merge-reports). */
export const MIN_COVERAGE_CHECK: Record<string, OptionCheck> = {
  'min-coverage': {
    valid: (v) => /^\d{1,3}(\.\d+)?$/u.test(v) && Number(v) <= 100,
    problem: (v) => `--min-coverage needs a percentage from 0 to 100 (got "${v}")`,
  },
};

const CHECKS: Record<string, OptionCheck> = {
  ...TARGET_CHECKS,
  ...MIN_COVERAGE_CHECK,
  'mock-faults': {
    valid: (v) => /^(0|1|0?\.\d+|1\.0*)$/u.test(v.trim()) && Number(v) <= 1,
    problem: (v) => `--mock-faults needs a share between 0 and 1 (got "${v}")`,
  },
  concurrency: {
    valid: (v) => /^[1-9]\d{0,2}$/u.test(v),
    problem: () => '--concurrency needs a whole number from 1 to 999',
  },
  'retries-on-error': {
    valid: (v) => /^\d$/u.test(v),
    problem: (v) => `--retries-on-error needs a whole number from 0 to 9 (got "${v}")`,
  },
  bail: { valid: (v) => /^[1-9]\d{0,5}$/u.test(v), problem: (v) => `--bail needs a whole number ≥ 1 (got "${v}")` },
};

export function parseConformanceArgs(argv: readonly string[]): ConformanceArgs {
  // npm run replay is npm run conformance with "replay <results.json>" first (cli/replay-run.ts).
  const replaying = argv[0] === 'replay';
  const args = parseCommandArgs(
    { help: HELP, options: OPTIONS, checks: CHECKS, positionals: replaying },
    replaying ? argv.slice(1) : argv,
  );
  if (replaying && args.positionals.length !== 1)
    throw new UsageError('npm run replay needs exactly one results.json of an earlier run');
  const number = (name: string) => {
    const value = args.text(name);
    return value === undefined ? null : Number(value);
  };
  return {
    ...targetArgs(args),
    minCoverage: number('min-coverage'),
    summaryMd: args.text('summary-md') ?? null,
    mockFaults: number('mock-faults'),
    concurrency: number('concurrency'),
    retriesOnError: number('retries-on-error') ?? DEFAULT_RETRIES_ON_ERROR,
    replay: replaying ? (args.positionals[0] ?? null) : null,
    reportsDir: args.text('reports') ?? (replaying ? 'reports/replay' : 'reports'),
    failOnSkip: args.flag('fail-on-skip'),
    only: args.list('only'),
    shard: args.text('shard') ?? null,
    bail: number('bail'),
    baseline: args.text('baseline') ?? null,
    deviations: args.text('deviations') ?? null,
    history: args.text('history') ?? null,
  };
}

/** The options npm run conformance and npm run fuzz share, after TARGET_CHECKS. */
export function targetArgs(
  args: CliArgs,
): Pick<ConformanceArgs, 'filter' | 'reportsDir' | 'envFile' | 'envExplicit' | 'expectTarget' | 'list' | 'quiet'> {
  return {
    filter: args.text('filter') ?? null,
    reportsDir: args.text('reports') ?? 'reports',
    envFile: args.text('env') ?? '.env',
    envExplicit: args.text('env') !== undefined,
    expectTarget: (args.text('expect-target') ?? 'any') as ConformanceArgs['expectTarget'],
    list: args.flag('list'),
    quiet: args.flag('quiet'),
  };
}
