import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { PoolOptions, ThreadsPoolWorker } from 'vitest/node';
import {
  earlyThreadsPool,
  expectedWorkerOptions,
  pendingEarlyWorker,
  startEarlyWorker,
  stopEarlyWorker,
  takeEarlyWorker,
} from '../../cli/worker-prestart.ts';

// The early worker thread of npm run conformance (cli/worker-prestart.ts). That vitest takes it in a real run is
// checked on the shared passing run (test/cli/conformance-cli.test.ts: no "early worker thread" line on stderr).
const IDLE = new URL('../fixtures/idle-worker.mjs', import.meta.url);

afterEach(async () => {
  await stopEarlyWorker();
});

describe('the early worker thread', () => {
  it('is handed to a worker vitest starts with the options it was started with', async () => {
    startEarlyWorker(IDLE);
    const thread = takeEarlyWorker(expectedWorkerOptions());
    expect(thread).not.toBeNull();
    expect(takeEarlyWorker(expectedWorkerOptions())).toBeNull();
    expect(await stopEarlyWorker()).toBeNull();
    await thread?.terminate();
  });

  it('is stopped, and said so, when vitest chooses other options', async () => {
    startEarlyWorker(IDLE);
    const other = expectedWorkerOptions({ ...process.env, NODE_ENV: 'production' });
    const sameEnvOtherArgs = { ...expectedWorkerOptions(), execArgv: other.execArgv };
    expect(takeEarlyWorker(sameEnvOtherArgs)).toBeNull();
    expect(await stopEarlyWorker()).toBe(
      "conformance: the suite's early worker thread was not used: vitest chose other environment variables or node " +
        'options for it; vitest started its own',
    );
  });

  it('gives vitest production conditions and import.meta.env when NODE_ENV says production', () => {
    const production = expectedWorkerOptions({ NODE_ENV: 'production' });
    expect(production.execArgv.slice(-4)).toEqual(['--conditions', 'node', '--conditions', 'production']);
    expect(production.env).toMatchObject({ NODE_ENV: 'production', PROD: '1', DEV: '' });
    expect(expectedWorkerOptions({}).env).toMatchObject({ NODE_ENV: 'development', PROD: '', DEV: '1' });
  });

  it('becomes the thread of the pool worker vitest starts first, through ThreadsPoolWorker.start()', async () => {
    class FakeThreads {
      env = expectedWorkerOptions().env;
      execArgv = expectedWorkerOptions().execArgv;
      _thread?: Worker;
      constructor(readonly options: PoolOptions) {}
      async start() {
        this._thread ||= 'a new thread' as unknown as Worker;
      }
    }
    startEarlyWorker(IDLE);
    const pool = earlyThreadsPool(FakeThreads as unknown as typeof ThreadsPoolWorker);
    const first = pool.createPoolWorker({} as PoolOptions) as unknown as FakeThreads;
    const second = pool.createPoolWorker({} as PoolOptions) as unknown as FakeThreads;
    await first.start();
    await second.start();
    expect(pool.name).toBe('early-threads');
    expect(first._thread).not.toBe('a new thread');
    expect(second._thread).toBe('a new thread');
    await first._thread?.terminate();
  });
});

describe('an early worker thread that ends before vitest asks for it', () => {
  it('is not handed over, and is said so', async () => {
    startEarlyWorker(new URL('../fixtures/exiting-worker.mjs', import.meta.url));
    const thread = pendingEarlyWorker();
    if (thread) await once(thread, 'exit');
    expect(pendingEarlyWorker()).toBeNull();
    expect(takeEarlyWorker(expectedWorkerOptions())).toBeNull();
    expect(await stopEarlyWorker()).toMatch(
      /^conformance: the suite's early worker thread was not used: it ended \(exit 3\)/u,
    );
  });
});
