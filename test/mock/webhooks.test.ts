import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
// Webhooks: a receiver on port 0 gets the documented events, in the documented envelope, signed the way the
// official SDKs verify (hex HMAC-SHA512 of rawBody + x-wk-timestamp); /__mock/webhooks lists what was sent.

import { createCardBody } from '../../generators/arrange.ts';
import { contextFor } from '../../harness/run-scenario.ts';
import { signWebhook } from '../../mock/webhooks/dispatcher.ts';
import { type MockEnvironment, mockEnvironment } from '../__helpers__/mock-env.ts';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  raw: string;
  event: {
    event_type: string;
    event_name: string;
    version: string;
    event_id: string;
    source_id: string;
    data: Record<string, unknown>;
  };
}

let harness: MockEnvironment | undefined;
let receiver: Server | undefined;
afterEach(async () => {
  await harness?.close();
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
});

/** A receiver that resolves the returned waiter when an event of the wanted type arrives. */
async function startReceiver(): Promise<{ url: string; next(type: string): Promise<Received> }> {
  const waiters = new Map<string, (r: Received) => void>();
  const seen: Received[] = [];
  receiver = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      const received = { headers: req.headers, raw, event: JSON.parse(raw) };
      seen.push(received);
      waiters.get(received.event.event_type)?.(received);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver?.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    next: (type) =>
      new Promise((resolve) => {
        const already = seen.find((r) => r.event.event_type === type);
        if (already) resolve(already);
        else waiters.set(type, resolve);
      }),
  };
}

describe('webhooks', () => {
  it('delivers card.create.succeeded after settlement, signed, and lists the delivery', async () => {
    const hooks = await startReceiver();
    harness = await mockEnvironment({ settleMs: 30, webhookUrl: hooks.url, webhookSecret: 'whsec-test' });
    const ctx = contextFor(harness.env);
    const issued = await ctx.arrange({ operation: 'Create Card', body: await createCardBody(ctx) });
    expect(issued.card_status).toBe('PENDING');

    const { headers, raw, event } = await hooks.next('card.create.succeeded');
    expect(event).toMatchObject({ version: 'V1.6.0', event_name: 'ISSUING', source_id: issued.card_order_id });
    expect(event.data).toMatchObject({ card_id: issued.card_id, card_status: 'ACTIVE' });
    expect(String(event.data.card_number)).toMatch(/^\*+\d{4}$/u);
    const timestamp = String(headers['x-wk-timestamp']);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(300);
    expect(headers['x-wk-signature']).toBe(signWebhook('whsec-test', raw, timestamp));

    const listed = (await (await fetch(`${new URL(harness.mock.baseUrl).origin}/__mock/webhooks`)).json()) as {
      deliveries: { event: { event_type: string }; status: number | null }[];
    };
    expect(listed.deliveries).toContainEqual(
      expect.objectContaining({ event: expect.objectContaining({ event_type: 'card.create.succeeded' }), status: 200 }),
    );
  });

  it('takes its URL through /__mock/webhooks and publishes status changes, recharges and authorizations', async () => {
    const hooks = await startReceiver();
    harness = await mockEnvironment({ settleMs: 0 });
    const control = `${new URL(harness.mock.baseUrl).origin}/__mock/webhooks`;
    const refused = await fetch(control, { method: 'POST', body: JSON.stringify({ url: 'ftp://x' }) });
    expect(refused.status).toBe(400);
    await fetch(control, { method: 'POST', body: JSON.stringify({ url: hooks.url }) });
    const ctx = contextFor(harness.env);
    const issued = await ctx.arrange({ operation: 'Create Card', body: await createCardBody(ctx) });
    const cardId = String(issued.card_id);
    await ctx.arrange({ operation: 'Card Recharge', params: { card_id: cardId }, body: { amount: 5 } });
    await ctx.arrange({
      operation: 'Simulate Authorization',
      body: {
        card_id: cardId,
        transaction_amount: 1,
        transaction_currency: 'SGD',
        merchant_name: 'Test Merchant',
        merchant_category_code: '5734',
      },
    });
    await ctx.arrange({
      operation: 'Update Card Status',
      params: { card_id: cardId },
      body: { card_status: 'FROZEN' },
    });
    expect((await hooks.next('card.recharge.succeeded')).event.data.card_id).toBe(cardId);
    expect((await hooks.next('issuing.transaction.authorization')).event.data.card_id).toBe(cardId);
    expect((await hooks.next('card.status.update.succeeded')).event.data).toMatchObject({ card_status: 'FROZEN' });
  });
});
