// Starts the built-in mock on port 0 and the scenario environment that talks to it, for tests over real HTTP.

import { afterAll, beforeAll, expect } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import type { RequestSpec } from '../../contract/request.ts';
import { DataFactory } from '../../generators/data.ts';
import { SharedState } from '../../generators/shared.ts';
import type { Scenario } from '../../generators/types.ts';
import type { RetryPause } from '../../harness/answer-body.ts';
import { ApiClient } from '../../harness/client.ts';
import { MockFixtures } from '../../harness/fixtures.ts';
import { matchCatalog } from '../../harness/judge.ts';
import { type CaseResult, type RunEnvironment, runScenario } from '../../harness/run-scenario.ts';
import type { MockOptions } from '../../mock/options.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';

export interface MockEnvironment {
  mock: RunningMock;
  env: RunEnvironment;
  run(scenario: Scenario): Promise<CaseResult>;
  /** Sends a request that must succeed (200; the answer's text is the failure message) and returns its JSON body. */
  json(spec: RequestSpec): Promise<Record<string, unknown>>;
  /** Sends a request and returns the id of the catalog entry its answer matches, if any. */
  entryOf(spec: RequestSpec): Promise<string | undefined>;
  close(): Promise<void>;
}

export async function mockEnvironment(
  options: Partial<MockOptions> = {},
  { retryPause }: { retryPause?: RetryPause } = {},
): Promise<MockEnvironment> {
  const catalog = loadCatalog();
  const mock = await startMock(options, catalog);
  const fixtures = new MockFixtures(mock.baseUrl);
  const client = new ApiClient(
    { baseUrl: mock.baseUrl, credential: (name) => fixtures.credential(name), ...(retryPause ? { retryPause } : {}) },
    catalog.operations,
  );
  const env: RunEnvironment = {
    catalog,
    client,
    fixtures,
    data: new DataFactory(options.seed ?? 1),
    shared: new SharedState(),
    target: 'mock',
  };
  return {
    mock,
    env,
    run: (scenario) => runScenario(scenario, env),
    json: async (spec) => {
      const observed = await client.send(spec);
      expect(observed.status, observed.text).toBe(200);
      return observed.json as Record<string, unknown>;
    },
    entryOf: async (spec) => matchCatalog(catalog, await client.send(spec))[0]?.id,
    close: async () => {
      await client.close();
      await mock.close();
    },
  };
}

/**
 * The file's mock environment: started before its tests (beforeAll), closed after them (afterAll). The object
 * reaches the started one, so tests use it as they would a MockEnvironment.
 */
export function useMockEnvironment(options: Partial<MockOptions> = {}): MockEnvironment {
  let started: MockEnvironment | undefined;
  beforeAll(async () => {
    started = await mockEnvironment(options);
  });
  afterAll(() => started?.close());
  const get = (): MockEnvironment => {
    if (!started) throw new Error('the mock environment starts in beforeAll');
    return started;
  };
  return {
    get mock() {
      return get().mock;
    },
    get env() {
      return get().env;
    },
    run: (scenario) => get().run(scenario),
    json: (spec) => get().json(spec),
    entryOf: (spec) => get().entryOf(spec),
    close: () => get().close(),
  };
}

/** A readable failure message for a scenario that did not pass. */
export function explain(result: CaseResult): string {
  return `${result.operation} › ${result.entry} (${result.fault}): ${result.outcome} ${result.reason} observed=${JSON.stringify(result.observed)}`;
}
