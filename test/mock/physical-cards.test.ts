// Success paths and state effects of Assign Card, Activate Card and Reset Card PIN that the scenarios (which only
// need the twin to be 2xx) do not pin down, plus the body-level id and shape rules.

import { describe, expect, it } from 'vitest';
import type { RequestSpec } from '../../contract/request.ts';
import { byCard } from '../../generators/requests.ts';
import { assign } from '../../generators/scenarios/card-physical.ts';
import { useMockEnvironment } from '../__helpers__/mock-env.ts';

const harness = useMockEnvironment();
const { entryOf } = harness;

const send = (spec: RequestSpec) => harness.env.client.send(spec);

async function newHolder(onBehalfOf?: string): Promise<string> {
  const spec: RequestSpec = { operation: 'Create Cardholder', body: harness.env.data.cardholder() };
  if (onBehalfOf) spec.onBehalfOf = onBehalfOf;
  const created = await send(spec);
  expect(created.status).toBe(200);
  return String((created.json as Record<string, unknown>).cardholder_id);
}

async function assigned(): Promise<{ cardId: string; code: string; pan: string; holder: string }> {
  const pool = await harness.env.fixtures.poolCard();
  const holder = await newHolder();
  const res = await send(assign({ cardholderId: holder, cardNumber: pool.card_number }));
  expect(res.status).toBe(200);
  const cardId = String((res.json as Record<string, unknown>).card_id);
  return { cardId, code: pool.activation_code, pan: pool.card_number, holder };
}

const activate = (
  { cardId, code }: { cardId: string; code: string },
  extra: Record<string, unknown> = {},
): RequestSpec => ({
  operation: 'Activate Card',
  body: { card_id: cardId, activation_code: code, pin: '112233', ...extra },
});
const resetPin = (cardId: string, pin = '445566'): RequestSpec => ({
  operation: 'Reset Card PIN',
  body: { card_id: cardId, pin },
});

describe('Assign Card', () => {
  it('creates a not yet activated physical card with the pool PAN for the cardholder', async () => {
    const pool = await harness.env.fixtures.poolCard();
    const holder = await newHolder();
    const res = await send(assign({ cardholderId: holder, cardNumber: pool.card_number }));
    expect(res.status).toBe(200);
    const body = res.json as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      ['card_id', 'card_order_id', 'card_status', 'create_time', 'order_status'].sort(),
    );
    expect(body.card_status).toBe('ACTIVE');
    const card = (await send(byCard('Retrieve Card', String(body.card_id)))).json as Record<string, unknown>;
    expect(card.form_factor).toBe('PHYSICAL');
    expect(card.card_currency).toBe('SGD');
    expect(String(card.card_number).slice(-4)).toBe(pool.card_number.slice(-4));
    expect((card.cardholder as Record<string, unknown>).cardholder_id).toBe(holder);
    const order = await send({
      operation: 'Retrieve Card Order',
      params: { card_order_id: String(body.card_order_id) },
    });
    expect(order.status).toBe(200);
  });

  it('hands out each pool PAN once', async () => {
    const { pan } = await assigned();
    expect(await entryOf(assign({ cardholderId: await newHolder(), cardNumber: pan }))).toBe(
      'card.b.card_number_not_exist',
    );
  });

  it("lets a sub-account assign from its master account's pool", async () => {
    const sub = await harness.env.fixtures.subAccount('active');
    const pool = await harness.env.fixtures.poolCard();
    const res = await send(
      assign({ cardholderId: await newHolder(sub.id), cardNumber: pool.card_number, onBehalfOf: sub.id }),
    );
    expect(res.status).toBe(200);
  });

  it('checks the shape of the body before the card number', async () => {
    const holder = await newHolder();
    const pool = await harness.env.fixtures.poolCard();
    const with_ = (fields: Record<string, unknown>): RequestSpec => ({
      operation: 'Assign Card',
      body: {
        cardholder_id: holder,
        card_number: pool.card_number,
        card_currency: 'SGD',
        card_mode: 'SINGLE',
        ...fields,
      },
    });
    expect(await entryOf(with_({ card_mode: undefined }))).toBe('general.b.request_parameters_invalid');
    expect(await entryOf(with_({ card_number: 4096 }))).toBe('general.b.request_parameters_invalid');
    expect(await entryOf(with_({ cardholder_id: 'nope' }))).toBe('general.invalid_request_error');
    expect(await entryOf(with_({ card_currency: 'EUR' }))).toBe('general.invalid_request_error');
    expect(await entryOf(with_({ card_mode: 'DEBIT' }))).toBe('general.invalid_request_error');
    expect(await entryOf(with_({ cardholder_id: harness.env.data.uuid() }))).toBe('cardholder.cardholder_not_found');
  });
});

describe('Activate Card', () => {
  it('makes the card usable and records the PIN and no-PIN amount', async () => {
    const { cardId, code } = await assigned();
    expect(await entryOf(byCard('Create PAN Token', cardId))).toBe('card.status_not_supported');
    const res = await send(activate({ cardId, code }, { no_pin_payment_amount: 150 }));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ request_status: 'SUCCESS' });
    expect((await send(byCard('Create PAN Token', cardId))).status).toBe(200);
    const card = (await send(byCard('Retrieve Card', cardId))).json as Record<string, unknown>;
    expect(card.no_pin_payment_amount).toBe('150SGD');
    expect(harness.mock.services.world.cards.get(cardId)?.pin).toBe('112233');
  });

  it('keeps the card unactivated when refused', async () => {
    const { cardId, code } = await assigned();
    expect(await entryOf(activate({ cardId, code }, { no_pin_payment_amount: -1 }))).toBe(
      'card.b.negative_no_pin_payment_amount',
    );
    expect(await entryOf(activate({ cardId, code }, { pin: '12ab56' }))).toBe('general.invalid_request_error');
    expect((await send(activate({ cardId, code }))).status).toBe(200);
  });

  it('answers unknown and malformed card ids in the body', async () => {
    expect(await entryOf(activate({ cardId: harness.env.data.uuid(), code: '123456' }))).toBe('card.card_not_found');
    expect(await entryOf(activate({ cardId: 'not-a-uuid', code: '123456' }))).toBe('general.invalid_request_error');
    const foreign = await harness.env.fixtures.card('foreign');
    expect(await entryOf(activate({ cardId: foreign.id, code: '123456' }))).toBe('card.b.card_does_not_exists');
  });
});

describe('Reset Card PIN', () => {
  it('replaces the PIN of an activated physical card', async () => {
    const { cardId, code } = await assigned();
    expect((await send(activate({ cardId, code }))).status).toBe(200);
    const res = await send(resetPin(cardId));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ request_status: 'SUCCESS' });
    expect(harness.mock.services.world.cards.get(cardId)?.pin).toBe('445566');
  });

  it('refuses a frozen activated card, and checks the PIN format and card id first', async () => {
    const { cardId, code } = await assigned();
    expect((await send(activate({ cardId, code }))).status).toBe(200);
    const frozen = await send({
      operation: 'Update Card Status',
      params: { card_id: cardId },
      body: { card_status: 'FROZEN', update_reason: 'test' },
    });
    expect(frozen.status).toBe(200);
    expect(await entryOf(resetPin(cardId))).toBe('card.status_not_supported');
    expect(await entryOf(resetPin(cardId, '12345'))).toBe('general.invalid_request_error');
    expect(await entryOf({ operation: 'Reset Card PIN', body: { card_id: cardId } })).toBe(
      'general.b.request_parameters_invalid',
    );
    expect(await entryOf(resetPin(harness.env.data.uuid()))).toBe('card.card_not_found');
    expect(await entryOf(resetPin('123'))).toBe('general.invalid_request_error');
  });
});
