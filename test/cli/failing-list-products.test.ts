// Without UQPAY_FIXTURE_PRODUCT_STANDARD the suite finds a product through List Products. When that request keeps
// failing, the cases that need the product are errors naming it, never skips asking for the fixture (issue 17).

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../mock/server.ts';
import { type HidingProxy, startHidingProxy } from '../__helpers__/hiding-proxy.ts';
import { runConformanceCli } from '../__helpers__/run-cli.ts';

const API_ERROR = { type: 'api_error', code: 'api_error', message: 'An internal error occurred' };

describe('a List Products that keeps answering 500, on a target that is not a mock', () => {
  let mock: RunningMock;
  let proxy: HidingProxy;
  let listProducts = 0;
  beforeAll(async () => {
    mock = await startMock({ seed: 6 });
    proxy = await startHidingProxy(mock.baseUrl, {
      rewrite: (method, path) => {
        if (method !== 'GET' || !path.split('?')[0]?.endsWith('/v1/issuing/products')) return null;
        listProducts++;
        return { status: 500, body: JSON.stringify(API_ERROR) };
      },
    });
  });
  afterAll(async () => {
    await proxy.close();
    await mock.close();
  });

  it('errors the cases that need the product, naming the request, with exit 2 and no skip asking for it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'list-products-'));
    const run = await runConformanceCli(['--filter', 'Retrieve Card ›', '--quiet', '--reports', dir], {
      UQPAY_BASE_URL: proxy.baseUrl,
      UQPAY_CLIENT_ID: 'mock-client-id',
      UQPAY_API_KEY: 'mock-api-key',
      UQPAY_MAX_RPS: '0',
    });
    expect(run.code).toBe(2);
    const { cases } = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as {
      cases: { outcome: string; reason: string }[];
    };
    expect(cases.filter((c) => /UQPAY_FIXTURE_PRODUCT_STANDARD in \.env/u.test(c.reason))).toEqual([]);
    const named = cases.filter((c) => c.outcome === 'error' && c.reason.startsWith('List Products'));
    expect(named.length).toBeGreaterThan(0);
    expect(named[0]?.reason).toContain('answered 500 code "api_error"');
    // Retried like any request: more than one attempt per discovery.
    expect(listProducts).toBeGreaterThan(1);
  }, 120_000);
});
