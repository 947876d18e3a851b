// The target of npm run fuzz. The built-in mock runs on a thread of its own (mock/thread.ts): a fuzz run is thousands
// of small requests, and mock and fuzzer then use both cores instead of taking turns on one. The preflight proves it
// answers like any mock at a URL, with the mock's own credentials (those in .env are for UQPAY_BASE_URL's target).

import type { RunConfig } from '../harness/config.ts';
import { builtinMockOptions } from '../mock/options.ts';
import { startThreadMock } from '../mock/thread.ts';
import { preflight, type ResolvedTarget } from '../suites/preflight.ts';

export interface FuzzTarget extends ResolvedTarget {
  /** The run started the mock: disposable, no cleanup ledger. */
  builtIn: boolean;
  close(): Promise<void>;
}

export async function resolveFuzzTarget(config: RunConfig, env: Record<string, string>): Promise<FuzzTarget> {
  if (!config.target.builtIn) {
    const target = await preflight(config, env);
    return { ...target, builtIn: false, close: async () => undefined };
  }
  const mock = await startThreadMock(builtinMockOptions(config.seed, null));
  try {
    const remote = { ...config, target: { builtIn: false as const, baseUrl: mock.baseUrl } };
    const target = await preflight(remote, { ...env, UQPAY_CLIENT_ID: '', UQPAY_API_KEY: '' });
    return { ...target, builtIn: true, close: () => mock.close() };
  } catch (error) {
    await mock.close();
    throw error;
  }
}
