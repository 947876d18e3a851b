import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { ApiClient, TargetError } from '../../harness/client.ts';
import { useMock } from '../__helpers__/use-mock.ts';

const mock = useMock();

const clientWith = (extra: { requestBudget?: number; maxPerSecond?: number }) =>
  new ApiClient(
    { baseUrl: mock.baseUrl, credential: async (name) => mock.fixtures.credentials[name], ...extra },
    loadCatalog().operations,
  );

describe('the HTTP client', () => {
  it('builds the real request: path, Bearer token, a UUID idempotency key on POST, none on GET', async () => {
    const client = clientWith({});
    const post = await client.send({ operation: 'Retrieve Issuing Balance', body: { currency: 'SGD' } });
    expect(post.status).toBe(200);
    expect(post.request.path).toBe('/v1/issuing/balances');
    expect(post.request.headers['x-auth-token']).toBe('****');
    expect(post.request.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/u);
    const get = await client.send({ operation: 'List Issuing Balances' });
    expect(get.request.idempotencyKey).toBeNull();
    expect(client.requestCount).toBe(3);
    await client.close();
  });

  it('stops at its request budget with an environment error', async () => {
    const client = clientWith({ requestBudget: 2 });
    await client.send({ operation: 'List Issuing Balances' });
    await expect(client.send({ operation: 'List Issuing Balances' })).rejects.toThrow(
      new TargetError('the request budget of 2 is used up (UQPAY_REQUEST_BUDGET)', 'budget'),
    );
    await client.close();
  });

  it('paces requests to the configured rate', async () => {
    const client = clientWith({ maxPerSecond: 20 });
    // Timed from before the first request: five slots 50 ms apart span at least 200 ms, however slow the answers.
    const started = performance.now();
    await client.send({ operation: 'List Issuing Balances' });
    await Promise.all([1, 2, 3, 4].map(() => client.send({ operation: 'List Issuing Balances' })));
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
    await client.close();
  });

  it('reports an unreachable target as a TargetError, not a crash', async () => {
    const client = new ApiClient(
      { baseUrl: 'http://127.0.0.1:1/api', credential: async (name) => mock.fixtures.credentials[name] },
      loadCatalog().operations,
    );
    await expect(client.send({ operation: 'List Cards' })).rejects.toBeInstanceOf(TargetError);
    await client.close();
  });
});
