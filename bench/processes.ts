// Child processes the suite benchmark times: a mock of its own (npm run mock on port 0), the conformance CLI and
// newman. Each resolves with its wall time; every child is stopped before the benchmark moves on.

import { type ChildProcess, spawn } from 'node:child_process';

export interface MockChild {
  baseUrl: string;
  /** Everything the mock printed so far (after stop(): its last line counts what it served). */
  output(): string;
  stop(): Promise<void>;
}

export function startMockChild(args: string[]): Promise<MockChild> {
  const child: ChildProcess = spawn(process.execPath, ['build/launch.mjs', 'mock/cli.ts', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let started = false;
    // 'close', not 'exit': the last lines it printed have been read by then. Stopping twice waits for the same close.
    let stopping = false;
    const closedOnce = new Promise<void>((done) => child.once('close', () => done()));
    const closed = () => {
      if (!stopping) child.kill('SIGTERM');
      stopping = true;
      return closedOnce;
    };
    const timer = setTimeout(() => reject(new Error('the mock did not start within 60 s')), 60_000);
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const url = started ? undefined : /UQPAY_BASE_URL=(\S+)/u.exec(out)?.[1];
      if (!url) return;
      started = true;
      clearTimeout(timer);
      resolve({
        baseUrl: url,
        output: () => out,
        stop: closed,
      });
    });
    child.once('exit', (code) => reject(new Error(`the mock exited with ${code}`)));
  });
}

export interface Timed {
  code: number | null;
  wallS: number;
  stdout: string;
}

export function timed(command: string, args: string[], env: Record<string, string | undefined>): Promise<Timed> {
  const started = performance.now();
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.resume();
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve({ code, wallS: (performance.now() - started) / 1000, stdout }));
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
