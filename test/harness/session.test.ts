import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupRun } from '../../harness/cleanup.ts';
import { MockFixtures } from '../../harness/fixtures.ts';
import { readLedger } from '../../harness/ledger.ts';
import { createSession, type Session } from '../../harness/session.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';

let mock: RunningMock;
let session: Session;
const ledgerPath = join(mkdtempSync(join(tmpdir(), 'ledger-')), 'ledger.jsonl');
beforeAll(async () => {
  mock = await startMock();
  session = createSession({ baseUrl: mock.baseUrl, kind: 'mock', seed: 3, ledgerPath });
});
afterAll(async () => {
  await session.close();
  await mock.close();
});

describe('a session', () => {
  it('ledgers the cards it created; cleanup cancels them and counts already-cancelled ones as done', async () => {
    const { client, data } = session.env;
    const holder = (await client.send({ operation: 'Create Cardholder', body: data.cardholder() })).json as {
      cardholder_id: string;
    };
    const card = {
      cardholder_id: holder.cardholder_id,
      card_product_id: mock.fixtures.products.standard,
      card_currency: 'SGD',
      card_limit: 5,
    };
    const first = (await client.send({ operation: 'Create Card', body: card })).json as { card_id: string };
    const second = (await client.send({ operation: 'Create Card', body: card })).json as { card_id: string };
    await client.send({
      operation: 'Update Card Status',
      params: { card_id: second.card_id },
      body: { card_status: 'CANCELLED' },
    });
    expect(readLedger(ledgerPath).filter((r) => r.kind === 'card')).toHaveLength(2);
    const fixtures = new MockFixtures(mock.baseUrl);
    const outcome = await cleanupRun({
      baseUrl: mock.baseUrl,
      credential: (name) => fixtures.credential(name),
      ledgerPath,
    });
    expect(outcome).toEqual({ cancelled: 2, failed: 0, left: [] });
    client.forgetToken('default'); // the cleanup's own token superseded the session's
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
