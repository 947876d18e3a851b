// Runs a CLI's main(argv) in this process (lib/cli.ts: every entry exports it), as its npm script would run it with
// this environment, and collects what it prints: the same arguments, settings, lines and exit code as a child
// process, without starting node and loading the project again. What only a real process shows (signals, the exit
// of the process itself, output after main returned) stays with the tests that spawn (run-cli.ts).
// Not for concurrent tests of one file: the environment and the console are the process's own.

import { format } from 'node:util';
import { vi } from 'vitest';
import type { CliRun } from './run-cli.ts';

export type CliMain = (argv: string[]) => Promise<number>;

/** Runs `main` with `argv` and an environment without the outer run's UQPAY_* settings, plus `env`. */
export async function runMain(main: CliMain, argv: string[], env: Record<string, string> = {}): Promise<CliRun> {
  for (const name of Object.keys(process.env)) if (name.startsWith('UQPAY_')) vi.stubEnv(name, undefined);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  let stdout = '';
  let stderr = '';
  const log = vi.spyOn(console, 'log').mockImplementation((...args) => {
    stdout += `${format(...args)}\n`;
  });
  const error = vi.spyOn(console, 'error').mockImplementation((...args) => {
    stderr += `${format(...args)}\n`;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    log.mockRestore();
    error.mockRestore();
    vi.unstubAllEnvs();
  }
}
