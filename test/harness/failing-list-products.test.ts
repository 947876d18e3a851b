// Without UQPAY_FIXTURE_PRODUCT_STANDARD the suite finds a product through List Products. When that request keeps
// failing, the cases that need the product are errors naming it, never skips asking for the fixture (issue 17).
// The cases run here as the suite runs them (harness/run-case.ts on a session of a target that is not a mock), with
// the retries' waits recorded instead of slept; that a run with errors exits 2 is conformance-cli.test.ts's.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allScenarios } from '../../generators/index.ts';
import { runCase } from '../../harness/run-case.ts';
import { createSession, type Session } from '../../harness/session.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';
import { scenarioTitles } from '../../suites/case-meta.ts';
import { type HidingProxy, startHidingProxy } from '../__helpers__/hiding-proxy.ts';
import { recordingPause } from '../__helpers__/recording-pause.ts';

const API_ERROR = { type: 'api_error', code: 'api_error', message: 'An internal error occurred' };
const SELECTION = 'Retrieve Card ›';

describe('a List Products that keeps answering 500, on a target that is not a mock', () => {
  let mock: RunningMock;
  let proxy: HidingProxy;
  let session: Session;
  let listProducts = 0;
  const pauses = recordingPause();
  beforeAll(async () => {
    mock = await startMock({ seed: 6 });
    proxy = await startHidingProxy(mock.baseUrl, {
      rewrite: (method, path) => {
        if (method !== 'GET' || !path.split('?')[0]?.endsWith('/v1/issuing/products')) return null;
        listProducts++;
        return { status: 500, body: JSON.stringify(API_ERROR) };
      },
    });
    session = createSession({
      baseUrl: proxy.baseUrl,
      kind: 'other',
      seed: 6,
      env: { UQPAY_CLIENT_ID: 'mock-client-id', UQPAY_API_KEY: 'mock-api-key' },
      retryPause: pauses.pause,
    });
  });
  afterAll(async () => {
    await session.close();
    await proxy.close();
    await mock.close();
  });

  it('errors the cases that need the product, naming the request, and no skip asks for it', async () => {
    const titled = [...scenarioTitles(allScenarios)].filter(([, title]) => title.includes(SELECTION));
    expect(titled.length).toBeGreaterThan(0);
    const runs = await Promise.all(titled.map(([scenario, title]) => runCase(scenario, session.env, title)));
    const cases = runs.map((run) => run.result);
    expect(cases.filter((c) => /UQPAY_FIXTURE_PRODUCT_STANDARD in \.env/u.test(c.reason))).toEqual([]);
    const named = cases.filter((c) => c.outcome === 'error' && c.reason.startsWith('List Products'));
    expect(named.length).toBeGreaterThan(0);
    expect(named[0]?.reason).toContain('answered 500 code "api_error"');
    // Retried like any request (its 500 names no Retry-After: after 0.5, 1 and 2 s), and asked once for the session.
    expect(pauses.asked).toEqual([500, 1000, 2000]);
    expect(listProducts).toBe(4);
  });
});
