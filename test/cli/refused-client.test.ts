// A sandbox that refuses this machine (IP allowlist, token service down) answers every call after the mint with the
// documented 401. The preflight's authenticated read must name that once, with exit 2, before any case runs, and
// without a storm of token mints (issue 17).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../catalog/envelope.ts';
import { loadCatalog } from '../../catalog/load.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';
import { type HidingProxy, startHidingProxy } from '../__helpers__/hiding-proxy.ts';
import { runConformanceCli } from '../__helpers__/run-cli.ts';

const unauthorized = loadCatalog().entryById.get('general.unauthorized_error');
if (!unauthorized) throw new Error('general.unauthorized_error is not in the catalog');

describe('a target that refuses this client after the mint', () => {
  let mock: RunningMock;
  let proxy: HidingProxy;
  let mints = 0;
  let refused = 0;
  beforeAll(async () => {
    mock = await startMock({ seed: 5 });
    proxy = await startHidingProxy(mock.baseUrl, {
      rewrite: (method, path) => {
        if (method === 'POST' && path.endsWith('/v1/connect/token')) {
          mints++;
          return null;
        }
        refused++;
        return { status: unauthorized.status, body: JSON.stringify(errorBody(unauthorized)) };
      },
    });
  });
  afterAll(async () => {
    await proxy.close();
    await mock.close();
  });

  it('stops before any case with exit 2 and one line that says what the 401 means, after at most 2 mints', async () => {
    const run = await runConformanceCli(['--filter', 'Retrieve Card', '--quiet'], {
      UQPAY_BASE_URL: proxy.baseUrl,
      UQPAY_CLIENT_ID: 'mock-client-id',
      UQPAY_API_KEY: 'mock-api-key',
      UQPAY_MAX_RPS: '0',
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      `conformance: the target refused this client's requests (401 unauthorized_error: "${unauthorized.message}") ` +
        'with a token it had just minted: check the sandbox IP allowlist and the credentials',
    ]);
    expect(run.stdout).not.toMatch(/credential clash|UQPAY_FIXTURE_/u);
    expect(mints).toBeLessThanOrEqual(2);
    // The read and its one resend with a fresh token: no case ran.
    expect(refused).toBe(2);
  }, 120_000); // a CLI run (vitest starting in a child process), like the other CLI tests
});
