// Effects of Update Card that the scenarios do not pin down (what the card looks like afterwards, the answer's
// shape) and its rules at their edges: byte and amount limits, SHARE-mode limits, shapes and orderings.

import { describe, expect, it } from 'vitest';
import { cardOps, type Json } from '../__helpers__/card-ops.ts';
import { useMockEnvironment } from '../__helpers__/mock-env.ts';

const harness = useMockEnvironment();

const { ok, entries, newCard, byCard, card } = cardOps(() => harness);
const update = (cardId: string, body: Json) => byCard('Update Card', cardId, body);

describe('Update Card effects', () => {
  it('answers the order and shows every change on the card', async () => {
    const cardId = await newCard();
    const answer = await ok(
      update(cardId, {
        no_pin_payment_amount: 150,
        spending_controls: [{ amount: 25.5, interval: 'PER_TRANSACTION' }],
        risk_controls: { allow_3ds_transactions: 'N', blocked_mcc: ['7995'] },
        metadata: { purpose: 'travel' },
      }),
    );
    expect(answer).toEqual({
      card_id: cardId,
      card_order_id: expect.any(String),
      card_status: 'ACTIVE',
      order_status: 'SUCCESS',
    });
    expect(await card(cardId)).toMatchObject({
      no_pin_payment_amount: '150SGD',
      spending_controls: [{ amount: '25.50', interval: 'PER_TRANSACTION' }],
      risk_controls: { allow_3ds_transactions: 'N', blocked_mcc: ['7995'] },
      metadata: { purpose: 'travel' },
    });
  });

  it('accepts an empty body and changes nothing', async () => {
    const cardId = await newCard();
    const before = await card(cardId);
    await ok(update(cardId, {}));
    expect(await card(cardId)).toEqual(before);
  });

  it('lets an allow list replace a block list', async () => {
    const cardId = await newCard();
    await ok(update(cardId, { risk_controls: { blocked_mcc: ['7995'] } }));
    await ok(update(cardId, { risk_controls: { allowed_mcc: ['5734'] } }));
    expect((await card(cardId)).risk_controls).toEqual({ allowed_mcc: ['5734'] });
  });

  it('moves the limit of a SHARE-mode card, keeping what was spent', async () => {
    const cardId = await newCard({ product: 'shared', limit: 100 });
    await ok({
      operation: 'Simulate Authorization',
      body: {
        card_id: cardId,
        transaction_amount: 30,
        transaction_currency: 'SGD',
        merchant_name: 'Mock Merchant',
        merchant_category_code: '5734',
      },
    });
    expect(await entries(update(cardId, { card_limit: 29.99 }))).toContain(
      'card.b.update_card_limit_is_less_than_the_amount_of_used_card',
    );
    await ok(update(cardId, { card_limit: 30 }));
    await ok(update(cardId, { card_limit: 250 }));
    expect(await card(cardId)).toMatchObject({
      card_limit: 250,
      available_balance: '220.00',
      consumed_amount: '30.00',
    });
  });
});

describe('Update Card rules at their edges', () => {
  it('takes metadata up to 3200 bytes of string values', async () => {
    const cardId = await newCard();
    // {"note":"…"} adds 11 bytes to the value.
    await ok(update(cardId, { metadata: { note: 'x'.repeat(3189) } }));
    expect(await entries(update(cardId, { metadata: { note: 'x'.repeat(3190) } }))).toContain(
      'card.b.metadata_is_invalid',
    );
    expect(await entries(update(cardId, { metadata: { count: 3 } }))).toContain('card.b.metadata_is_invalid');
  });

  it('judges no_pin_payment_amount: a number ≥ 0 with 2 decimals, up to the product maximum', async () => {
    const cardId = await newCard();
    for (const value of ['abc', '100', -0.01, 10.005, true]) {
      expect(await entries(update(cardId, { no_pin_payment_amount: value }))).toContain(
        'card.b.no_pin_payment_amount_failed',
      );
    }
    await ok(update(cardId, { no_pin_payment_amount: 0 }));
    await ok(update(cardId, { no_pin_payment_amount: 2000 }));
    expect(await entries(update(cardId, { no_pin_payment_amount: 2000.01 }))).toContain(
      'card.b.invalid_no_pin_payment_amount_for_the_current_currency',
    );
  });

  it('compares a SHARE-mode limit with the PER_TRANSACTION control the card already has', async () => {
    const cardId = await newCard({ product: 'shared', limit: 100 });
    await ok(update(cardId, { spending_controls: [{ amount: 60, interval: 'PER_TRANSACTION' }] }));
    expect(await entries(update(cardId, { card_limit: 59 }))).toContain(
      'card.b.failed_update_card_limit_should_be_greater_than_per_transaction',
    );
    expect(
      await entries(update(cardId, { spending_controls: [{ amount: 101, interval: 'PER_TRANSACTION' }] })),
    ).toContain('card.b.failed_update_card_limit_should_be_greater_than_per_transaction');
    await ok(update(cardId, { card_limit: 60 }));
  });

  it('refuses negative card limits and negative controls of other intervals', async () => {
    const shared = await newCard({ product: 'shared' });
    expect(await entries(update(shared, { card_limit: -5 }))).toContain(
      'card.b.failed_update_card_limit_should_be_greater_than_0',
    );
    const cardId = await newCard();
    expect(await entries(update(cardId, { spending_controls: [{ amount: -1, interval: 'DAILY' }] }))).toContain(
      'card.b.spending_controls_is_error',
    );
  });

  it('answers wrong JSON types and malformed values with the generic entries', async () => {
    const cardId = await newCard();
    const bad = [
      { card_limit: '100' },
      { spending_controls: { amount: 1, interval: 'DAILY' } },
      { spending_controls: [{ interval: 'DAILY' }] },
      { risk_controls: { allowed_mcc: [5734] } },
      { metadata: 'purpose=travel' },
    ];
    for (const body of bad)
      expect(await entries(update(cardId, body))).toContain('general.b.request_parameters_invalid');
    for (const body of [
      { risk_controls: { allowed_mcc: ['57341'] } },
      { risk_controls: { allow_3ds_transactions: 'YES' } },
    ]) {
      expect(await entries(update(cardId, body))).toContain('general.invalid_request_error');
    }
  });

  it('checks a one-time card before its status, and the card before the values sent', async () => {
    const oneTime = await newCard({ extra: { usage_type: 'ONE_TIME', auto_cancel_trigger: 'ON_AUTH' } });
    await ok(byCard('Update Card Status', oneTime, { card_status: 'FROZEN' }));
    expect(await entries(update(oneTime, { metadata: { a: 'b' } }))).toContain(
      'card.b.this_operation_cannot_be_performed_on_one_time_card',
    );
    const frozen = await newCard();
    await ok(byCard('Update Card Status', frozen, { card_status: 'FROZEN' }));
    // Rules run in order: the card's state comes before any value in the body.
    expect(await entries(update(frozen, { no_pin_payment_amount: -1 }))).toContain('card.b.the_card_is_not_active');
  });
});
