import { afterEach, describe, expect, it } from 'vitest';

// Asynchronous issuing: cards, orders and third-party KYC answer PENDING and settle later (on a timer or a move of
// the mock's clock); arrange steps that wait for settlement cope, and one that does not would have failed.

import type { RequestSpec } from '../../contract/request.ts';
import { createCardBody, newCard } from '../../generators/arrange.ts';
import { awaitIssuedCard } from '../../generators/await-card.ts';
import type { Scenario } from '../../generators/types.ts';
import { contextFor } from '../../harness/run-scenario.ts';
import { type MockEnvironment, mockEnvironment } from '../__helpers__/mock-env.ts';

type Json = Record<string, unknown>;
let harness: MockEnvironment | undefined;
afterEach(() => harness?.close());

async function ok(spec: RequestSpec): Promise<Json> {
  const observed = await harness?.env.client.send(spec);
  expect(observed?.status, observed?.text).toBe(200);
  return observed?.json as Json;
}

const recharge = (cardId: string, amount: number): RequestSpec => ({
  operation: 'Card Recharge',
  params: { card_id: cardId },
  body: { amount },
});

/** A scenario whose arrange step recharges a new card: it needs the card ACTIVE. */
function rechargeScenario(waits: boolean): Scenario {
  return {
    entry: 'card.b.recharge_amount_is_invalid',
    operation: 'Card Recharge',
    fault: waits ? 'arrange waits for the card' : 'arrange does not wait',
    provoke: async (ctx) => {
      const cardId = waits
        ? await newCard(ctx)
        : String((await ctx.arrange({ operation: 'Create Card', body: await createCardBody(ctx) })).card_id);
      await ctx.arrange(recharge(cardId, 5));
      return { faulty: recharge(cardId, -1), twin: recharge(cardId, 10) };
    },
  };
}

describe('asynchronous issuing', () => {
  it('answers PENDING/PROCESSING, and card and order settle together on the clock', async () => {
    harness = await mockEnvironment({ settleMs: 60_000 });
    const holder = await ok({ operation: 'Create Cardholder', body: harness.env.data.cardholder() });
    const body = { ...(await createCardBody(contextOf(harness))), cardholder_id: holder.cardholder_id };
    const issued = await ok({ operation: 'Create Card', body });
    expect(issued).toMatchObject({ card_status: 'PENDING', order_status: 'PROCESSING' });
    const order = () =>
      ok({ operation: 'Retrieve Card Order', params: { card_order_id: String(issued.card_order_id) } });
    const card = () => ok({ operation: 'Retrieve Card', params: { card_id: String(issued.card_id) } });
    expect((await card()).card_status).toBe('PENDING');
    expect((await order()).order_status).toBe('PROCESSING');
    expect((await order()).complete_time).toBeNull();

    await fetch(`${new URL(harness.mock.baseUrl).origin}/__mock/clock`, {
      method: 'POST',
      body: JSON.stringify({ advance_seconds: 60 }),
    });
    expect((await card()).card_status).toBe('ACTIVE');
    expect((await order()).order_status).toBe('SUCCESS');
  });

  it('settles at once with --settle-ms 0 (the synchronous behaviour)', async () => {
    harness = await mockEnvironment({ settleMs: 0 });
    const issued = await ok({ operation: 'Create Card', body: await createCardBody(contextOf(harness)) });
    expect(issued).toMatchObject({ card_status: 'ACTIVE', order_status: 'SUCCESS' });
  });

  it('fails a seeded share of the issue-failing product: card and order FAILED, the balance refunded', async () => {
    harness = await mockEnvironment({ settleMs: 0, seed: 3 });
    const ctx = contextOf(harness);
    const before = Number(
      (await ok({ operation: 'Retrieve Issuing Balance', body: { currency: 'SGD' } })).available_balance,
    );
    const outcomes: string[] = [];
    for (let i = 0; i < 10; i++) {
      const issued = await ok({
        operation: 'Create Card',
        body: await createCardBody(ctx, { product: 'issue-failing', limit: 10 }),
      });
      const order = await ok({
        operation: 'Retrieve Card Order',
        params: { card_order_id: String(issued.card_order_id) },
      });
      expect(order.order_status).toBe(issued.card_status === 'FAILED' ? 'FAILED' : 'SUCCESS');
      outcomes.push(String(issued.card_status));
    }
    const failed = outcomes.filter((s) => s === 'FAILED').length;
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(outcomes.length);
    const after = Number(
      (await ok({ operation: 'Retrieve Issuing Balance', body: { currency: 'SGD' } })).available_balance,
    );
    expect(before - after).toBeCloseTo(10 * (outcomes.length - failed), 2);
  });

  it('an arrange step that does not wait for settlement would have failed; one that waits passes', async () => {
    // Slow enough that the hasty step always lands before settlement, however loaded the machine.
    harness = await mockEnvironment({ settleMs: 60_000 });
    const hasty = await harness.run(rechargeScenario(false));
    expect(hasty.outcome).toBe('error');
    expect(hasty.reason).toContain('arrange step Card Recharge answered 400');
    await harness.close();
    harness = await mockEnvironment({ settleMs: 40 });
    const patient = await harness.run(rechargeScenario(true));
    expect(patient.outcome, patient.reason).toBe('pass');
  });

  it('a card stuck pending is an environment error naming the card, within the poll bounds', async () => {
    harness = await mockEnvironment({ settleMs: 60_000 });
    const ctx = contextOf(harness);
    const issued = await ctx.arrange({ operation: 'Create Card', body: await createCardBody(ctx) });
    const before = harness.env.client.requestCount;
    const policy = { firstDelayMs: 1, factor: 2, maxDelayMs: 4, maxWaitMs: 5_000, maxPolls: 4 };
    await expect(awaitIssuedCard(ctx, issued, undefined, policy)).rejects.toThrow(
      `card ${String(issued.card_id)} is still PENDING after 4 Retrieve Card requests`,
    );
    expect(harness.env.client.requestCount - before).toBe(4);
  });

  it('waiting costs no request when the answer is already settled', async () => {
    harness = await mockEnvironment({ settleMs: 0 });
    const ctx = contextOf(harness);
    const issued = await ctx.arrange({ operation: 'Create Card', body: await createCardBody(ctx) });
    const before = harness.env.client.requestCount;
    await awaitIssuedCard(ctx, issued);
    expect(harness.env.client.requestCount).toBe(before);
  });

  it('third-party KYC answers PENDING and settles to SUCCESS', async () => {
    harness = await mockEnvironment({ settleMs: 60_000 });
    const body = harness.env.data.cardholder({
      kyc_verification: {
        method: 'THIRD_PARTY',
        kyc_proof: { provider: 'SUMSUB', reference_id: harness.env.data.referenceId() },
      },
    });
    const created = await ok({ operation: 'Create Cardholder', body });
    expect(created.cardholder_status).toBe('PENDING');
    await fetch(`${new URL(harness.mock.baseUrl).origin}/__mock/clock`, {
      method: 'POST',
      body: JSON.stringify({ advance_seconds: 60 }),
    });
    const read = await ok({
      operation: 'Retrieve Cardholder',
      params: { cardholder_id: String(created.cardholder_id) },
    });
    expect(read.cardholder_status).toBe('SUCCESS');
  });
});

/** The scenario context of the harness (arrange steps over real HTTP). */
const contextOf = (h: MockEnvironment) => contextFor(h.env);
