// Effects of Update Card Status that the scenarios do not pin down: the lifecycle a user can drive (freeze,
// unfreeze, cancel to PRE_CANCEL and no way back), the answer's shape and the reason's limit.

import { describe, expect, it } from 'vitest';
import { cardOps } from '../__helpers__/card-ops.ts';
import { useMockEnvironment } from '../__helpers__/mock-env.ts';

const harness = useMockEnvironment();

const { ok, entries, newCard, byCard, card } = cardOps(() => harness);
const setStatus = (cardId: string, card_status: unknown, update_reason?: unknown) =>
  byCard('Update Card Status', cardId, update_reason === undefined ? { card_status } : { card_status, update_reason });

describe('Update Card Status', () => {
  it('freezes and unfreezes, answering the order and the reason', async () => {
    const cardId = await newCard();
    const frozen = await ok(setStatus(cardId, 'FROZEN', 'lost wallet'));
    expect(frozen).toEqual({
      card_id: cardId,
      card_order_id: expect.any(String),
      order_status: 'SUCCESS',
      update_reason: 'lost wallet',
    });
    expect(await card(cardId)).toMatchObject({ card_status: 'FROZEN', update_reason: 'lost wallet' });
    expect((await ok(setStatus(cardId, 'ACTIVE'))).update_reason).toBeNull();
    expect((await card(cardId)).card_status).toBe('ACTIVE');
  });

  it('cancels an ACTIVE or FROZEN card to PRE_CANCEL, from where nothing brings it back', async () => {
    const active = await newCard();
    const frozen = await newCard();
    await ok(setStatus(frozen, 'FROZEN'));
    for (const cardId of [active, frozen]) {
      await ok(setStatus(cardId, 'CANCELLED', 'closing'));
      expect((await card(cardId)).card_status).toBe('PRE_CANCEL');
      expect(await entries(setStatus(cardId, 'ACTIVE'))).toContain('card.b.card_status_is_invalid');
      expect(await entries(setStatus(cardId, 'FROZEN'))).toContain('card.b.card_status_is_invalid');
      expect(await entries(setStatus(cardId, 'CANCELLED'))).toContain(
        'card.b.the_card_currently_does_not_support_cancel',
      );
    }
  });

  it('refuses statuses users cannot set', async () => {
    const cardId = await newCard();
    for (const status of ['BLOCKED', 'PRE_CANCEL', 'PENDING', 'LOST', 'frozen']) {
      expect(await entries(setStatus(cardId, status))).toContain('card.b.card_status_is_invalid');
    }
    expect((await card(cardId)).card_status).toBe('ACTIVE');
  });

  it('takes a reason of up to 100 characters, checked before anything else about the card', async () => {
    const cardId = await newCard();
    await ok(setStatus(cardId, 'FROZEN', 'é'.repeat(100)));
    expect(await entries(setStatus(cardId, 'BLOCKED', 'r'.repeat(101)))).toContain('card.b.update_reason_is_too_long');
    const expired = (await harness.env.fixtures.card('expired')).id;
    expect(await entries(setStatus(expired, 'ACTIVE', 'r'.repeat(101)))).toContain('card.b.update_reason_is_too_long');
    expect(await entries(setStatus(expired, 'BLOCKED'))).toContain('card.b.the_card_has_expired');
  });

  it('answers a missing or mistyped field as a bad parameter', async () => {
    const cardId = await newCard();
    expect(await entries(byCard('Update Card Status', cardId, {}))).toContain('general.b.request_parameters_invalid');
    expect(await entries(setStatus(cardId, 1))).toContain('general.b.request_parameters_invalid');
    expect(await entries(setStatus(cardId, 'FROZEN', 42))).toContain('general.b.request_parameters_invalid');
  });
});
