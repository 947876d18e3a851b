// Effects of Card Recharge and Card Withdraw that the scenarios (which only need the twin to be 2xx) do not pin down:
// where the money goes, the withdrawal fee, the order they answer, and the amount and shape rules at their edges.
// Request amounts are integers in the card currency's minor unit, as the page says (1234 is 12.34 SGD); balances, the
// card and the order answer in major units.

import { describe, expect, it } from 'vitest';
import { cardOps, type Json } from '../__helpers__/card-ops.ts';
import { useMockEnvironment } from '../__helpers__/mock-env.ts';

const harness = useMockEnvironment();

const { ok, entries, newCard, byCard, card, balance } = cardOps(() => harness);
const recharge = (cardId: string, amount: unknown, onBehalfOf?: string) =>
  byCard('Card Recharge', cardId, { amount }, onBehalfOf);
const withdraw = (cardId: string, amount: unknown, onBehalfOf?: string) =>
  byCard('Card Withdraw', cardId, { amount }, onBehalfOf);

describe('Card Recharge', () => {
  it('moves the amount from the issuing balance onto the card and answers the order', async () => {
    const cardId = await newCard({ limit: 100 });
    const before = await balance();
    const order = await ok(recharge(cardId, 1234));
    expect(order).toMatchObject({
      card_id: cardId,
      order_type: 'CARD_RECHARGE',
      amount: '12.34',
      card_currency: 'SGD',
      order_status: 'SUCCESS',
    });
    expect(await balance()).toBeCloseTo(before - 12.34, 2);
    expect((await card(cardId)).available_balance).toBe('112.34');
    const stored = await ok({
      operation: 'Retrieve Card Order',
      params: { card_order_id: String(order.card_order_id) },
    });
    expect(stored).toEqual(order);
  });

  it("debits the acting sub-account's balance, not the master's", async () => {
    const sub = await harness.env.fixtures.subAccount('active');
    const [masterBefore, subBefore] = [await balance(), await balance(sub.id)];
    await ok(recharge(sub.card_id, 500, sub.id));
    expect(await balance(sub.id)).toBeCloseTo(subBefore - 5, 2);
    expect(await balance()).toBeCloseTo(masterBefore, 2);
  });

  it('takes the whole issuing balance but not a cent more', async () => {
    const sub = await harness.env.fixtures.subAccount('low-balance');
    expect(await entries(recharge(sub.card_id, 501, sub.id))).toContain('card.b.insufficient_balance');
    expect(await balance(sub.id)).toBe(5);
  });

  it('refuses amounts that are not positive integers of minor units (cents), and moves nothing', async () => {
    const cardId = await newCard();
    const before = await balance();
    for (const amount of [-1, 0, 0.5, 10.5, 1.005]) {
      expect(await entries(recharge(cardId, amount))).toContain('card.b.recharge_amount_is_invalid');
    }
    expect(await balance()).toBe(before);
    expect((await card(cardId)).available_balance).toBe('100.00');
  });

  it('reads the body shape before the card: a string or missing amount is a bad parameter', async () => {
    const cardId = await newCard();
    expect(await entries(recharge(cardId, '10.00'))).toContain('general.b.request_parameters_invalid');
    expect(await entries(byCard('Card Recharge', cardId, {}))).toContain('general.b.request_parameters_invalid');
    const unknown = harness.env.data.uuid();
    expect(await entries(recharge(unknown, 'x'))).toContain('general.b.request_parameters_invalid');
    expect(await entries(recharge('not-a-uuid', 1))).toContain('general.invalid_request_error');
  });

  it('checks a one-time card before its status', async () => {
    const cardId = await newCard({ extra: { usage_type: 'ONE_TIME', auto_cancel_trigger: 'ON_AUTH' } });
    await ok(byCard('Update Card Status', cardId, { card_status: 'FROZEN' }));
    expect(await entries(recharge(cardId, 1))).toContain('card.b.this_operation_cannot_be_performed_on_one_time_card');
  });
});

describe('Card Withdraw', () => {
  it('moves the amount from the card back to the issuing balance and answers the order', async () => {
    const cardId = await newCard({ limit: 100 });
    const before = await balance();
    const order = await ok(withdraw(cardId, 4050));
    expect(order).toMatchObject({
      card_id: cardId,
      order_type: 'CARD_WITHDRAW',
      amount: '40.50',
      order_status: 'SUCCESS',
    });
    expect(await balance()).toBeCloseTo(before + 40.5, 2);
    expect((await card(cardId)).available_balance).toBe('59.50');
  });

  it('charges the product fee to the balance first, as its own ledger line', async () => {
    const cardId = await newCard({ product: 'withdraw-fee', limit: 100 });
    const before = await balance();
    await ok(withdraw(cardId, 3000));
    expect(await balance()).toBeCloseTo(before + 30 - 10, 2);
    const lines = await ok({ operation: 'List Issuing Balances Transactions', query: { currency: 'SGD' } });
    const ofCard = (lines.data as Json[]).filter(
      (l) => String(l.description).includes(cardId) && l.transaction_type !== 'CARD_RECHARGE',
    );
    expect(ofCard.map((l) => [l.transaction_type, l.amount]).sort()).toEqual([
      ['CARD_WITHDRAW', '30.00'],
      ['FEE', '-10.00'],
    ]);
  });

  it('empties the card exactly, then refuses even a cent', async () => {
    const cardId = await newCard({ limit: 25 });
    await ok(withdraw(cardId, 2500));
    expect((await card(cardId)).available_balance).toBe('0.00');
    expect(await entries(withdraw(cardId, 1))).toContain('card.b.card_available_limit_insufficient');
  });

  it('refuses amounts that are not positive integers of minor units (cents)', async () => {
    const cardId = await newCard();
    for (const amount of [-1, 0, 0.5, 0.001]) {
      expect(await entries(withdraw(cardId, amount))).toContain('card.b.withdraw_amount_is_invalid');
    }
  });

  it('refuses a card the user cancelled (PRE_CANCEL) as not active', async () => {
    const cardId = await newCard();
    await ok(byCard('Update Card Status', cardId, { card_status: 'CANCELLED' }));
    expect(await entries(withdraw(cardId, 1))).toContain('card.b.the_card_is_not_active');
    expect(await entries(recharge(cardId, 1))).toContain('card.b.the_card_is_not_active');
  });
});
