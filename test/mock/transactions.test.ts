// Effects of the simulator that the scenarios (which only need the twin to be 2xx) do not pin down: an approved
// authorization moves the card's amounts and a reversal moves them back, both show up in the transaction reads,
// and the rules the scenarios do not pick (unknown card, frozen card, declines, malformed ids) answer as RULES.md says.

import { describe, expect, it } from 'vitest';
import type { RequestSpec } from '../../contract/request.ts';
import { cardOps, type Json } from '../__helpers__/card-ops.ts';
import { useMockEnvironment } from '../__helpers__/mock-env.ts';

const harness = useMockEnvironment();

const { ok, entries: entriesOf } = cardOps(() => harness);

async function newCard(limit = 100): Promise<string> {
  const holder = await ok({ operation: 'Create Cardholder', body: harness.env.data.cardholder() });
  const products = await harness.env.fixtures.product('standard');
  const card = await ok({
    operation: 'Create Card',
    body: { cardholder_id: holder.cardholder_id, card_product_id: products, card_currency: 'SGD', card_limit: limit },
  });
  return String(card.card_id);
}

const authorize = (cardId: string, extra: Json = {}): RequestSpec => ({
  operation: 'Simulate Authorization',
  body: {
    card_id: cardId,
    transaction_amount: 12.5,
    transaction_currency: 'SGD',
    merchant_name: 'Conformance Shop',
    merchant_category_code: '5734',
    ...extra,
  },
});

const card = (cardId: string) => ok({ operation: 'Retrieve Card', params: { card_id: cardId } });

describe('Simulate Authorization and Simulate Reversal', () => {
  it('an approved authorization moves the card amounts and a reversal moves them back', async () => {
    const cardId = await newCard();
    const auth = await ok(authorize(cardId));
    expect(auth).toMatchObject({
      card_id: cardId,
      transaction_type: 'AUTHORIZATION',
      transaction_status: 'APPROVED',
      transaction_amount: '12.50',
      transaction_currency: 'SGD',
      card_available_balance: '87.50',
      merchant_data: { category_code: '5734', name: 'Conformance Shop' },
      failure_reason: null,
    });
    expect(await card(cardId)).toMatchObject({ available_balance: '87.50', consumed_amount: '12.50' });

    const reversal = await ok({ operation: 'Simulate Reversal', body: { transaction_id: auth.transaction_id } });
    expect(reversal).toMatchObject({
      transaction_type: 'REVERSAL',
      transaction_status: 'APPROVED',
      original_transaction_id: auth.transaction_id,
      transaction_amount: '12.50',
    });
    expect(await card(cardId)).toMatchObject({ available_balance: '100.00', consumed_amount: '0.00' });

    const listed = await ok({ operation: 'List Cards Transactions', query: { card_id: cardId } });
    expect(listed.total_items).toBe(2);
    const ids = (listed.data as Json[]).map((tx) => tx.transaction_id);
    expect(ids).toEqual(expect.arrayContaining([auth.transaction_id, reversal.transaction_id]));
    const retrieved = await ok({
      operation: 'Retrieve Cards Transaction',
      params: { transaction_id: String(auth.transaction_id) },
    });
    expect(retrieved).toMatchObject({ transaction_id: auth.transaction_id, transaction_type: 'AUTHORIZATION' });
  });

  it('declines, without moving money, an authorization above the available amount', async () => {
    const cardId = await newCard(10);
    const auth = await ok(authorize(cardId, { transaction_amount: 10.01 }));
    expect(auth).toMatchObject({ transaction_status: 'DECLINED', card_available_balance: '10.00' });
    expect(
      await entriesOf({ operation: 'Simulate Reversal', body: { transaction_id: auth.transaction_id } }),
    ).toContain('transaction.b.card_reversal_transaction_is_error');
  });

  it('answers the card and authorization rules the scenarios do not pick', async () => {
    const uuid = harness.env.data.uuid();
    expect(await entriesOf(authorize(uuid))).toContain('card.card_not_found');
    expect(await entriesOf(authorize((await harness.env.fixtures.card('foreign')).id))).toContain(
      'card.b.card_does_not_exists',
    );
    expect(await entriesOf(authorize(await newCard(), { merchant_category_code: '57a4' }))).toContain(
      'transaction.b.mcc_is_error',
    );
    const frozen = await newCard();
    await ok({
      operation: 'Update Card Status',
      params: { card_id: frozen },
      body: { card_status: 'FROZEN', update_reason: 'test' },
    });
    expect(await entriesOf(authorize(frozen))).toContain('transaction.b.card_authorize_transaction_is_error');
    expect(await entriesOf({ operation: 'Simulate Reversal', body: { transaction_id: uuid } })).toContain(
      'transaction.b.card_reversal_transaction_is_error',
    );
  });

  it('reads the body shape before the rules', async () => {
    const cardId = await newCard();
    expect(await entriesOf(authorize(cardId, { transaction_amount: '12.50' }))).toContain(
      'general.b.request_parameters_invalid',
    );
    expect(await entriesOf(authorize(cardId, { transaction_amount: 0 }))).toContain('general.invalid_request_error');
    expect(await entriesOf(authorize('not-a-card', { channel: 'AMEX' }))).toContain('general.invalid_request_error');
    expect(await entriesOf({ operation: 'Simulate Reversal', body: {} })).toContain(
      'general.b.request_parameters_invalid',
    );
  });
});

describe('List Cards Transactions and Retrieve Cards Transaction', () => {
  it('checks ids and the time window', async () => {
    expect(await entriesOf({ operation: 'Retrieve Cards Transaction', params: { transaction_id: 'abc' } })).toContain(
      'general.invalid_request_error',
    );
    const list = (query: Record<string, string>) => entriesOf({ operation: 'List Cards Transactions', query });
    expect(await list({ card_id: 'abc' })).toContain('general.invalid_request_error');
    expect(await list({ start_time: '2024-01-01' })).toContain('general.invalid_request_error');
    expect(await list({ start_time: '2024-01-01T00:00:00Z', end_time: '2024-05-01T00:00:00Z' })).toContain(
      'general.invalid_request_error',
    );
    const inWindow = await ok({
      operation: 'List Cards Transactions',
      query: { start_time: '2000-01-01T00:00:00Z', end_time: '2000-02-01T00:00:00Z' },
    });
    expect(inWindow).toEqual({ total_pages: 1, total_items: 0, data: [] });
  });

  it("does not show another account's transactions", async () => {
    const suspended = await harness.env.fixtures.subAccount('suspended');
    const id = String(suspended.transaction_id);
    const asSub = await ok({
      operation: 'Retrieve Cards Transaction',
      params: { transaction_id: id },
      onBehalfOf: suspended.id,
    });
    expect(asSub.transaction_id).toBe(id);
    const observed = await harness.env.client.send({
      operation: 'Retrieve Cards Transaction',
      params: { transaction_id: id },
    });
    expect(observed.json).toEqual({
      type: 'invalid_request_error',
      code: 'invalid_request_error',
      message: `transaction[${id}] not found under the connected account`,
    });
  });
});
