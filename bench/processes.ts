// Child processes the suite benchmark times: a mock of its own (npm run mock on port 0), the conformance CLI and
// newman. Each resolves with its wall time; every child is stopped before the benchmark moves on.

import { type ChildProcess, spawn } from 'node:child_process';

export interface MockChild {
  baseUrl: string;
  stop(): Promise<void>;
}

export function startMockChild(args: string[]): Promise<MockChild> {
  const child: ChildProcess = spawn(process.execPath, ['build/launch.mjs', 'mock/cli.ts', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the mock did not start within 60 s')), 60_000);
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const url = /UQPAY_BASE_URL=(\S+)/u.exec(out)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout?.removeAllListeners('data');
      child.stdout?.resume();
      resolve({
        baseUrl: url,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
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
