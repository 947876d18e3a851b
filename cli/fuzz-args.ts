// Command-line arguments and fuzz settings of npm run fuzz (target settings are shared with npm run conformance).

import { ConfigError } from '../harness/config.ts';
import { parseCommandArgs } from '../lib/cli.ts';
import { TARGET_CHECKS, TARGET_OPTIONS, targetArgs } from './conformance-args.ts';

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

export type FuzzArgs = ReturnType<typeof targetArgs>;

export function parseFuzzArgs(argv: readonly string[]): FuzzArgs {
  return targetArgs(parseCommandArgs({ help: FUZZ_HELP, options: TARGET_OPTIONS, checks: TARGET_CHECKS }, argv));
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
