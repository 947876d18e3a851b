// Runs a CLI's exported main(argv) in-process (every entry exports one, lib/cli.ts) and collects what it printed, as
// runCli does for a child process: the same exit code and lines, without a process start. `env` is the environment
// main sees, as a child's would be: the outer run's UQPAY_* settings removed, these added, all restored afterwards.
// What only a real process shows (signals, the process's own exit) stays with the tests that spawn (run-cli.ts).
// Not for concurrent tests of one file: the environment and the console are the process's own.

import { format } from 'node:util';
import { vi } from 'vitest';
import type { CliRun } from './run-cli.ts';

export async function runMain(
  main: (argv: string[]) => Promise<number>,
  argv: string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  for (const name of Object.keys(process.env)) if (name.startsWith('UQPAY_')) vi.stubEnv(name, undefined);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const printed = (calls: unknown[][]) => calls.map((args) => format(...args)).join('\n');
  try {
    const code = await main(argv);
    return { code, stdout: printed(out.mock.calls), stderr: printed(err.mock.calls) };
  } finally {
    out.mockRestore();
    err.mockRestore();
    vi.unstubAllEnvs();
  }
}
