// Runs a CLI's exported main(argv) in-process (every entry exports one, lib/cli.ts) and collects what it printed, as
// runCli does for a child process: the same exit code and lines, without a process start.

import { vi } from 'vitest';
import type { CliRun } from './run-cli.ts';

export async function runMain(main: (argv: string[]) => Promise<number>, argv: string[]): Promise<CliRun> {
  const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const code = await main(argv);
    return { code, stdout: out.mock.calls.join('\n'), stderr: err.mock.calls.join('\n') };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
