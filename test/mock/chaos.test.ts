import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { ApiClient } from '../../harness/client.ts';
import { pickChaos } from '../../mock/http/chaos.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';

// Background faults (--mock-faults) and the client's answer to a reset.
describe('background faults', () => {
  it('fire at the given share, spread over the four kinds', () => {
    const script = (values: number[]) => () => values.shift() ?? 0;
    expect(pickChaos(script([0.5]), 0.1)).toBeNull();
    expect(pickChaos(script([0.05, 0]), 0.1)).toBe('rate-limit');
    expect(pickChaos(script([0.05, 0.3]), 0.1)).toBe('error');
    expect(pickChaos(script([0.05, 0.6]), 0.1)).toBe('reset');
    expect(pickChaos(script([0.05, 0.9]), 0.1)).toBe('latency');
    expect(pickChaos(() => 0, 0)).toBeNull();
  });
});

describe('a connection reset before any answer', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(() => mock.close());

  it('is retried by the client with the same idempotency key', async () => {
    const client = new ApiClient(
      { baseUrl: mock.baseUrl, credential: async (name) => mock.fixtures.credentials[name] },
      loadCatalog().operations,
    );
    await client.send({ operation: 'List Issuing Balances' });
    mock.services.faults.arm({ kind: 'reset', operation: 'retrieve_issuing_balance', count: 1 });
    const answer = await client.send({
      operation: 'Retrieve Issuing Balance',
      body: { currency: 'SGD' },
      idempotencyKey: '0d9e7a52-2f61-4b8e-9b1a-3c7d5e6f7a8b',
    });
    expect(answer.status).toBe(200);
    expect(client.requestCount).toBe(4); // token, list, the reset, the retry
    await client.close();
  });
});
