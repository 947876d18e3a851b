// npm run cleanup -- --ledger <file>: finishes the cleanup of a run that crashed or was killed. Reads the ledger the
// run wrote (reports/ledger.jsonl, or the name the CLI printed), goes back to the same target with the configured
// credentials, and cancels every card still listed. Exit 0 when nothing is left, 2 otherwise or on bad input.

import { parseArgs } from 'node:util';
import { ConfigError, pacingFor, targetKind } from '../harness/config.ts';
import { MockFixtures } from '../harness/fixtures.ts';
import { ranOnBuiltInMock, readLedger } from '../harness/ledger.ts';
import { cleanupAfterRun, cleanupLine } from '../harness/run-cleanup.ts';
import { type RunSettings, readRunSettings } from '../harness/settings.ts';

const HELP = `Usage: npm run cleanup -- --ledger <file> [--env <path>]

Cancels the cards a conformance run created but did not cancel (it crashed, was killed, or the target failed).
The ledger names the target; credentials come from the environment or .env, as for npm run conformance.

Exit codes: 0 nothing left live, 2 cards still live or a bad argument/setting.`;

async function main(): Promise<number> {
  let values: { ledger?: string; env?: string; help?: boolean };
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      options: { ledger: { type: 'string' }, env: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message.split('\n')[0]} (see npm run cleanup -- --help)`);
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (!values.ledger) return fail('--ledger <file> is required (see npm run cleanup -- --help)');
  const records = readLedger(values.ledger);
  const run = records.find((r) => r.kind === 'run');
  if (!run) return fail(`${values.ledger} is not a conformance ledger (no run line)`);
  if (ranOnBuiltInMock(run)) {
    console.log('cleanup: the run used the built-in mock, which ended with it; nothing to cancel');
    return 0;
  }
  let read: RunSettings;
  try {
    // The ledger's target wins over any UQPAY_BASE_URL in the environment or .env.
    read = readRunSettings(values.env ?? '.env', { ...process.env, UQPAY_BASE_URL: run.base_url });
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  const kind = targetKind(run.base_url, await MockFixtures.detect(run.base_url));
  const outcome = await cleanupAfterRun({
    baseUrl: run.base_url,
    kind,
    ledgerPath: values.ledger,
    env: read.settings,
    timeoutMs: read.config.timeoutMs,
    maxPerSecond: pacingFor(kind, read.config.maxPerSecond),
    log: (line) => console.log(line),
  });
  console.log(cleanupLine(outcome));
  return outcome.left.length ? 2 : 0;
}

function fail(message: string): number {
  console.error(`cleanup: ${message}`);
  return 2;
}

process.exitCode = await main().catch((error: unknown) => fail((error as Error).message));
setTimeout(() => process.exit(), 2000).unref();
