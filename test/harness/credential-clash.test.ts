import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { ApiClient } from '../../harness/client.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';

// Two runs sharing one credential: each token mint supersedes the other's tokens ("Login expired").
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());

const newClient = () =>
  new ApiClient(
    { baseUrl: mock.baseUrl, credential: async (name) => mock.fixtures.credentials[name] },
    loadCatalog().operations,
  );

describe('a credential shared with another process', () => {
  it('re-mints once after "Login expired" and resends with the same idempotency key', async () => {
    const ours = newClient();
    const theirs = newClient();
    await ours.send({ operation: 'List Issuing Balances' });
    await theirs.send({ operation: 'List Issuing Balances' }); // supersedes our token
    const answer = await ours.send({
      operation: 'Retrieve Issuing Balance',
      body: { currency: 'SGD' },
      idempotencyKey: '6f1c2a3e-1111-4222-8333-944455556666',
    });
    expect(answer.status).toBe(200);
    expect(answer.request.idempotencyKey).toBe('6f1c2a3e-1111-4222-8333-944455556666');
    await ours.close();
    await theirs.close();
  });

  it('a second supersede within the window is one clear environment error, and stays so', async () => {
    const ours = newClient();
    const theirs = newClient();
    await ours.send({ operation: 'List Issuing Balances' });
    await theirs.send({ operation: 'List Issuing Balances' });
    await ours.send({ operation: 'List Issuing Balances' }); // re-minted once
    await theirs.tokenFor('default', true); // superseded again
    const clash = /credential clash: .*another process .* is probably using the same credentials/u;
    await expect(ours.send({ operation: 'List Issuing Balances' })).rejects.toThrow(clash);
    await expect(ours.send({ operation: 'List Issuing Balances' })).rejects.toMatchObject({ kind: 'clash' });
    await ours.close();
    await theirs.close();
  });
});
