// The conformance suite's vitest worker thread, started at the top of npm run conformance rather than once vitest/node
// is loaded and the project resolved. Vitest starts its worker only then (about half a second in, profiled with
// --cpu-prof), and the thread spends about a third of a second more loading vitest's runtime and the suite's modules
// before the first case, while the other core idles; started first, that loading overlaps vitest/node's. Vitest's own
// pool API takes it over (a custom pool whose worker is vitest's ThreadsPoolWorker, handed this thread). The thread
// runs vitest's worker entry with the environment and node options vitest 4 gives a conformance worker; when vitest
// chooses others (NODE_ENV=production, another vitest), the early thread is stopped, vitest starts its own as before
// and one stderr line says so. From dist/ only (build/launch.mjs): the sources' suite is transformed by vite instead.

import { isatty } from 'node:tty';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PoolOptions, PoolRunnerInitializer, ThreadsPoolWorker } from 'vitest/node';

interface WorkerOptions {
  env: Record<string, string | undefined>;
  execArgv: string[];
}

interface Early extends WorkerOptions {
  thread: Worker;
}

let early: Early | null = null;
/** Why vitest did not run the suite on the early thread; null while nothing went wrong. */
let unused: string | null = null;

/** The options vitest 4 gives a worker of a project without env or execArgv settings (its resolveOptions()). */
export function expectedWorkerOptions(environment: NodeJS.ProcessEnv = process.env): WorkerOptions {
  const vitestRoot = fileURLToPath(new URL('..', import.meta.resolve('vitest/node')));
  // vite's rule: a production run is one whose NODE_ENV says so.
  const production = environment.NODE_ENV === 'production';
  return {
    env: {
      ...environment,
      TEST: 'true',
      VITEST: 'true',
      // vite's server sets NODE_ENV to "development" when it is unset, before vitest reads it.
      NODE_ENV: environment.NODE_ENV || 'development',
      VITEST_MODE: 'RUN',
      FORCE_TTY: isatty(1) ? 'true' : '',
      // The project's config.env: vite's import.meta.env of a test run.
      BASE_URL: '/',
      MODE: 'test',
      DEV: production ? '' : '1',
      PROD: production ? '1' : '',
    },
    execArgv: [
      ...process.execArgv.filter((arg) => /^--(cpu-prof|heap-prof|diagnostic-dir)/u.test(arg)),
      '--experimental-import-meta-resolve',
      '--require',
      `${vitestRoot}suppress-warnings.cjs`,
      // The resolve conditions vite 7 gives a run.
      ...['node', production ? 'production' : 'development'].flatMap((condition) => ['--conditions', condition]),
    ],
  };
}

/** Starts the thread; `entry` runs vitest's worker entry, then loads the suite's modules (cli/worker-entry.ts). */
export function startEarlyWorker(entry: URL): void {
  const options = expectedWorkerOptions();
  const thread = new Worker(entry, { ...options, stdout: true, stderr: true });
  // A thread that fails before vitest takes it is dropped: vitest then starts its own, which meets the same failure.
  const drop = (why: string) => {
    if (early?.thread !== thread) return;
    early = null;
    unused = why;
  };
  thread.once('error', (error) => drop(`it failed before the suite started (${error.message})`));
  thread.once('exit', (code) => drop(`it ended (exit ${code}) before the suite started`));
  early = { ...options, thread };
}

/** The early thread while no pool worker has taken it (for tests to await its events). */
export function pendingEarlyWorker(): Worker | null {
  return early?.thread ?? null;
}

/**
 * Stops the early thread if vitest never took it (a run that ended before its suite started). Returns the line to
 * print when vitest ran the suite on a thread of its own instead, null otherwise.
 */
export async function stopEarlyWorker(): Promise<string | null> {
  const left = early;
  early = null;
  await left?.thread.terminate();
  const line = unused && `conformance: the suite's early worker thread was not used: ${unused}; vitest started its own`;
  unused = null;
  return line;
}

const sameEnv = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([key, value]) => b[key] === value);
const sameArgs = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((arg, i) => arg === b[i]);

/** Takes the early thread for a worker vitest starts with these options; null when they are not the thread's. */
export function takeEarlyWorker(options: WorkerOptions): Worker | null {
  const taken = early;
  early = null;
  if (!taken) return null;
  if (sameEnv(taken.env, options.env) && sameArgs(taken.execArgv, options.execArgv)) return taken.thread;
  unused = 'vitest chose other environment variables or node options for it';
  void taken.thread.terminate();
  return null;
}

/** A vitest pool of threads whose first worker is the early thread (Threads: vitest/node's ThreadsPoolWorker). */
export function earlyThreadsPool(Threads: typeof ThreadsPoolWorker): PoolRunnerInitializer {
  class EarlyThreadsWorker extends Threads {
    override async start(): Promise<void> {
      const thread = takeEarlyWorker({ env: this.env, execArgv: this.execArgv });
      // ThreadsPoolWorker.start() keeps a thread it already has (`_thread ||= new Worker(…)`) and pipes its output.
      if (thread) (this as unknown as { _thread: Worker })._thread = thread;
      return super.start();
    }
  }
  return { name: 'early-threads', createPoolWorker: (options: PoolOptions) => new EarlyThreadsWorker(options) };
}
