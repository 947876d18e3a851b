// Command-line arguments of npm run conformance.

import { parseArgs } from 'node:util';

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

Options:
  --filter <text>       only cases whose name contains <text> ("Card Recharge", "card.b.", "› general.")
  --reports <dir>       where to write results.json, junit.xml and matrix.html (default reports)
  --env <path>          read settings from this file instead of .env
  --fail-on-skip        exit 1 when any case was skipped (cases only a mock can provoke are "not applicable
                        on this target" on the sandbox, and do not count)
  --quiet               print progress every 50 cases (and each failure) instead of every test name

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
  --history <file>      append this run to a JSONL history; the HTML report draws its last 30 runs
  -h, --help            show this help

Exit codes: 0 every case passed (skips allowed unless --fail-on-skip; known deviations allowed), 1 contract
            failures, regressions against --baseline, or an expired or stale known deviation,
            2 configuration or environment problems (nothing judged, or cases that errored).`;

export class UsageError extends Error {}

export interface ConformanceArgs {
  filter: string | null;
  reportsDir: string;
  envFile: string;
  /** --env was given: then the file must be readable. */
  envExplicit: boolean;
  failOnSkip: boolean;
  quiet: boolean;
  /** Selection, nightly and gate options (cli/run-options.ts). */
  list: boolean;
  only: string[];
  shard: string | null;
  bail: number | null;
  expectTarget: 'sandbox' | 'mock' | 'any';
  baseline: string | null;
  deviations: string | null;
  history: string | null;
}

export function parseConformanceArgs(args: string[]): ConformanceArgs | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args,
      strict: true,
      options: {
        filter: { type: 'string' },
        reports: { type: 'string' },
        env: { type: 'string' },
        'fail-on-skip': { type: 'boolean' },
        quiet: { type: 'boolean' },
        list: { type: 'boolean' },
        only: { type: 'string', multiple: true },
        shard: { type: 'string' },
        bail: { type: 'string' },
        'expect-target': { type: 'string' },
        baseline: { type: 'string' },
        deviations: { type: 'string' },
        history: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  if (values.help) return 'help';
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const filter = text('filter');
  if (filter !== undefined && filter.trim() === '') throw new UsageError('--filter needs a non-empty text');
  const expectTarget = text('expect-target') ?? 'any';
  if (expectTarget !== 'sandbox' && expectTarget !== 'mock' && expectTarget !== 'any')
    throw new UsageError(`--expect-target must be sandbox, mock or any (got "${expectTarget}")`);
  const bail = text('bail');
  if (bail !== undefined && !/^[1-9]\d{0,5}$/u.test(bail))
    throw new UsageError(`--bail needs a whole number ≥ 1 (got "${bail}")`);
  return {
    filter: filter ?? null,
    reportsDir: text('reports') ?? 'reports',
    envFile: text('env') ?? '.env',
    envExplicit: text('env') !== undefined,
    failOnSkip: values['fail-on-skip'] === true,
    quiet: values.quiet === true,
    list: values.list === true,
    only: (values.only as unknown as string[] | undefined) ?? [],
    shard: text('shard') ?? null,
    bail: bail === undefined ? null : Number(bail),
    expectTarget,
    baseline: text('baseline') ?? null,
    deviations: text('deviations') ?? null,
    history: text('history') ?? null,
  };
}
