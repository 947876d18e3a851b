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

  it('supersedes in quick succession (two processes minting in turn) are one clear environment error, and stay so', async () => {
    const ours = newClient();
    const theirs = newClient();
    await ours.send({ operation: 'List Issuing Balances' });
    for (let i = 0; i < 2; i++) {
      await theirs.tokenFor('default', true);
      await ours.send({ operation: 'List Issuing Balances' }); // re-minted
    }
    await theirs.tokenFor('default', true); // a third time within the window
    const clash = /credential clash: .*another process .* is probably using the same credentials/u;
    await expect(ours.send({ operation: 'List Issuing Balances' })).rejects.toThrow(clash);
    await expect(ours.send({ operation: 'List Issuing Balances' })).rejects.toMatchObject({ kind: 'clash' });
    await ours.close();
    await theirs.close();
  });
});
