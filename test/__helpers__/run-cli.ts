// Runs a CLI entry point (npm run conformance, gate, merge-reports) as a child process, with a controlled
// environment, and collects its output.

import { spawn } from 'node:child_process';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runConformanceCli(args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<CliRun> {
  return runCli('cli/conformance.ts', ['--env', '/dev/null', ...args], env, timeoutMs);
}

export function runCli(
  entry: string,
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<CliRun> {
  // Nested vitest must not inherit the outer run's worker settings.
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !k.startsWith('UQPAY_')),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    env: { ...clean, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
