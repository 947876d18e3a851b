import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../harness/session.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';

let mock: RunningMock;
let session: Session;
beforeAll(async () => {
  mock = await startMock();
  session = createSession({ baseUrl: mock.baseUrl, kind: 'mock', seed: 3 });
});
afterAll(async () => {
  await session.close();
  await mock.close();
});

describe('a session', () => {
  it('cancels the cards it created, and counts already-cancelled ones as done', async () => {
    const { client, data, onResponse } = session.env;
    const send = async (spec: Parameters<typeof client.send>[0]) => {
      const observed = await client.send(spec);
      onResponse?.(observed, spec.operation);
      return observed;
    };
    const holder = (await send({ operation: 'Create Cardholder', body: data.cardholder() })).json as {
      cardholder_id: string;
    };
    const card = {
      cardholder_id: holder.cardholder_id,
      card_product_id: mock.fixtures.products.standard,
      card_currency: 'SGD',
      card_limit: 5,
    };
    const first = (await send({ operation: 'Create Card', body: card })).json as { card_id: string };
    const second = (await send({ operation: 'Create Card', body: card })).json as { card_id: string };
    await send({
      operation: 'Update Card Status',
      params: { card_id: second.card_id },
      body: { card_status: 'CANCELLED' },
    });
    expect(await session.cleanup()).toEqual({ cancelled: 2, failed: 0 });
    const retrieved = await client.send({ operation: 'Retrieve Card', params: { card_id: first.card_id } });
    expect((retrieved.json as { card_status: string }).card_status).toBe('PRE_CANCEL');
  });

  it('logs error answers that match no catalog entry, redacted', async () => {
    session.drainUndocumented();
    session.env.onResponse?.(
      {
        status: 400,
        headers: {},
        text: '',
        json: { code: 400, message: 'Card 4096360800133951 rejected', cvv: '123' },
        durationMs: 1,
        request: { method: 'GET', path: '/x', headers: {}, idempotencyKey: null },
      },
      'Retrieve Card',
    );
    expect(session.drainUndocumented()).toEqual([
      {
        operation: 'Retrieve Card',
        status: 400,
        body: { code: 400, message: 'Card ************3951 rejected', cvv: '****' },
      },
    ]);
  });
});
