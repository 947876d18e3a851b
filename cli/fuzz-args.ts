// Command-line arguments and fuzz settings of npm run fuzz (target settings are shared with npm run conformance).

import { parseArgs } from 'node:util';
import { ConfigError } from '../harness/config.ts';

export const MOCK_RUNS = 200;
export const REMOTE_RUNS = 5;

export const FUZZ_HELP = `Usage: npm run fuzz -- [options]

Fuzzes the target's input validation with fast-check: a property per documented rule (values just outside the
boundary give exactly the entry; just inside succeed), structural fuzz per operation, precedence, idempotency and
a model-based card lifecycle. Writes reports/fuzz.json and adds a fuzz testsuite to reports/junit.xml.

Target (environment or .env), as for npm run conformance:
  UQPAY_BASE_URL, UQPAY_CLIENT_ID, UQPAY_API_KEY, UQPAY_FIXTURE_*, UQPAY_TIMEOUT_MS, UQPAY_MAX_RPS,
  UQPAY_REQUEST_BUDGET   (empty UQPAY_BASE_URL: the built-in mock)
  UQPAY_SEED            seed of every property (default random, printed; each property's own seed is in the report)
  UQPAY_FUZZ_RUNS       runs per property (default ${MOCK_RUNS} on a mock, ${REMOTE_RUNS} elsewhere; some properties cap it lower)
  UQPAY_FUZZ_PATH       replay one counterexample: its path from fuzz.json, with UQPAY_SEED and a --filter that
                        selects that one property

Options:
  --filter <text>       only properties whose name contains <text> ("rule ›", "Create Card", "idempotency")
  --reports <dir>       where to write fuzz.json and junit.xml (default reports)
  --env <path>          read settings from this file instead of .env
  --expect-target <kind>  sandbox, mock or any (default any): exit 2 before any request when the target is another
                        kind (an empty UQPAY_BASE_URL on a nightly would otherwise fuzz the built-in mock)
  --list                print the property names and exit
  --quiet               print only failures and the summary
  -h, --help            show this help

Exit codes: 0 every property held, 1 a property was falsified (contract), 2 configuration or environment.`;

export class FuzzUsageError extends Error {}

export interface FuzzArgs {
  filter: string | null;
  reportsDir: string;
  envFile: string;
  /** --env was given: then the file must be readable. */
  envExplicit: boolean;
  expectTarget: 'sandbox' | 'mock' | 'any';
  list: boolean;
  quiet: boolean;
}

export function parseFuzzArgs(args: string[]): FuzzArgs | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args,
      strict: true,
      options: {
        filter: { type: 'string' },
        reports: { type: 'string' },
        env: { type: 'string' },
        'expect-target': { type: 'string' },
        list: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new FuzzUsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  if (values.help) return 'help';
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const filter = text('filter');
  if (filter !== undefined && filter.trim() === '') throw new FuzzUsageError('--filter needs a non-empty text');
  const expectTarget = text('expect-target') ?? 'any';
  if (expectTarget !== 'sandbox' && expectTarget !== 'mock' && expectTarget !== 'any')
    throw new FuzzUsageError(`--expect-target must be sandbox, mock or any (got "${expectTarget}")`);
  return {
    expectTarget,
    filter: filter ?? null,
    reportsDir: text('reports') ?? 'reports',
    envFile: text('env') ?? '.env',
    envExplicit: text('env') !== undefined,
    list: values.list === true,
    quiet: values.quiet === true,
  };
}

/** UQPAY_FUZZ_RUNS and UQPAY_FUZZ_PATH, checked; runs default by target kind. */
export function fuzzSettings(
  env: Record<string, string | undefined>,
  isMock: boolean,
): { runs: number; path: string | null } {
  const runsText = env.UQPAY_FUZZ_RUNS?.trim() ?? '';
  if (runsText !== '' && !(/^\d{1,7}$/u.test(runsText) && Number(runsText) >= 1)) {
    throw new ConfigError(`UQPAY_FUZZ_RUNS must be a whole number ≥ 1 (got "${runsText}")`);
  }
  const path = env.UQPAY_FUZZ_PATH?.trim() ?? '';
  if (path !== '' && !/^\d+(?::\d+)*$/u.test(path)) {
    throw new ConfigError(`UQPAY_FUZZ_PATH must be a fast-check path like 12:0:3 (got "${path}")`);
  }
  return { runs: runsText === '' ? (isMock ? MOCK_RUNS : REMOTE_RUNS) : Number(runsText), path: path || null };
}
