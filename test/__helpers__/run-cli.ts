// Runs a CLI entry point (npm run conformance, gate, merge-reports) as a child process, with a controlled
// environment, and collects its output.

import { type ChildProcess, spawn } from 'node:child_process';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runConformanceCli(args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<CliRun> {
  return startCli('cli/conformance.mjs', args, env, timeoutMs).done;
}

/** npm run conformance with the child process at hand (to signal it). */
export function startConformanceCli(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 120_000,
): { child: ChildProcess; done: Promise<CliRun> } {
  return startCli('cli/conformance.mjs', args, env, timeoutMs);
}

export function runFuzzCli(args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<CliRun> {
  return startCli('cli/fuzz.ts', args, env, timeoutMs).done;
}

/** Any CLI entry (gate, merge-reports, …) with the arguments as given. */
export function runCli(
  entry: string,
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<CliRun> {
  return startCli(entry, args, env, timeoutMs, false).done;
}

function startCli(
  script: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs: number,
  // An empty, readable --env file: a named one that cannot be read exits 2.
  withEnvFile = true,
): { child: ChildProcess; done: Promise<CliRun> } {
  // Nested vitest must not inherit the outer run's worker settings.
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !k.startsWith('UQPAY_')),
  );
  // A .mjs entry picks dist/ or tsx itself (cli/conformance.mjs); a .ts one starts as its npm script does.
  const entry = script.endsWith('.mjs') ? [script] : ['build/launch.mjs', script];
  const child = spawn(process.execPath, [...entry, ...(withEnvFile ? ['--env', '/dev/null'] : []), ...args], {
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
  const done = new Promise<CliRun>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
  return { child, done };
}
