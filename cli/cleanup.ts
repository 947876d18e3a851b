// npm run cleanup -- --ledger <file>: finishes the cleanup of a run that crashed or was killed. Reads the ledger the
// run wrote (reports/ledger.jsonl, or the name the CLI printed), goes back to the same target with the configured
// credentials, and cancels every card still listed. Exit 0 when nothing is left, 2 otherwise or on bad input.

import { TargetError, TokenError } from '../harness/client.ts';
import { ConfigError, pacingFor, targetKind } from '../harness/config.ts';
import { MockFixtures } from '../harness/fixtures.ts';
import { ranOnBuiltInMock, readLedger } from '../harness/ledger.ts';
import { cleanupAfterRun, cleanupLine } from '../harness/run-cleanup.ts';
import { readRunSettings } from '../harness/settings.ts';
import { fail, parseCommandArgs, runAsEntry, runCommand, UsageError } from '../lib/cli.ts';

const HELP = `Usage: npm run cleanup -- --ledger <file> [--env <path>]

Cancels the cards a conformance run created but did not cancel (it crashed, was killed, or the target failed).
The ledger names the target; credentials come from the environment or .env, as for npm run conformance.

Exit codes: 0 nothing left live, 2 cards still live or a bad argument/setting.`;

const OPTIONS = { ledger: { type: 'string' }, env: { type: 'string' } } as const;

/** npm run cleanup with these arguments; resolves to the exit code. */
export function main(argv: string[]): Promise<number> {
  return runCommand('cleanup', () => cleanup(argv), [ConfigError, TargetError, TokenError]);
}

async function cleanup(argv: string[]): Promise<number> {
  const args = parseCommandArgs({ help: HELP, options: OPTIONS }, argv);
  const ledger = args.text('ledger');
  if (!ledger) throw new UsageError('--ledger <file> is required');
  const run = readLedgerFile(ledger).find((r) => r.kind === 'run');
  if (!run) fail(`${ledger} is not a conformance ledger (no run line)`);
  if (ranOnBuiltInMock(run)) {
    console.log('cleanup: the run used the built-in mock, which ended with it; nothing to cancel');
    return 0;
  }
  // The ledger's target wins over any UQPAY_BASE_URL in the environment or .env.
  const read = readRunSettings(args.text('env') ?? '.env', undefined, { UQPAY_BASE_URL: run.base_url });
  const kind = targetKind(run.base_url, await MockFixtures.detect(run.base_url));
  const outcome = await cleanupAfterRun({
    baseUrl: run.base_url,
    kind,
    ledgerPath: ledger,
    env: read.settings,
    timeoutMs: read.config.timeoutMs,
    maxPerSecond: pacingFor(kind, read.config.maxPerSecond),
    log: (line) => console.log(line),
  });
  console.log(cleanupLine(outcome));
  return outcome.left.length ? 2 : 0;
}

/** The ledger's records; a file that cannot be read is one line (exit 2), not a stack. */
function readLedgerFile(path: string): ReturnType<typeof readLedger> {
  try {
    return readLedger(path);
  } catch (error) {
    return fail(
      `cannot read the ledger ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}

await runAsEntry(import.meta.url, main);
