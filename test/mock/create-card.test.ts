// Success paths and state effects of Create Card that the scenarios (which only need the twin to be 2xx) do not pin
// down, plus the request-shape rules and a few orderings of the Create Card table.

import { describe, expect, it } from 'vitest';
import type { ProductName } from '../../contract/fixtures.ts';
import type { RequestSpec } from '../../contract/request.ts';
import { useMockEnvironment } from '../__helpers__/mock-env.ts';

const harness = useMockEnvironment();
const { json, entryOf } = harness;

type Json = Record<string, unknown>;
const _send = (spec: RequestSpec) => harness.env.client.send(spec);
const product = (name: ProductName) => harness.mock.fixtures.products[name];
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function newHolder(): Promise<string> {
  return String((await json({ operation: 'Create Cardholder', body: harness.env.data.cardholder() })).cardholder_id);
}

async function createCard(extra: Json = {}, holder?: string): Promise<RequestSpec> {
  return {
    operation: 'Create Card',
    body: {
      cardholder_id: holder ?? (await newHolder()),
      card_product_id: product('standard'),
      card_currency: 'SGD',
      card_limit: 100,
      ...extra,
    },
  };
}

async function sgdBalance(): Promise<number> {
  const balance = await json({ operation: 'Retrieve Issuing Balance', body: { currency: 'SGD' } });
  return Number(balance.available_balance);
}

const retrieve = (cardId: string) => json({ operation: 'Retrieve Card', params: { card_id: cardId } });

describe('Create Card success', () => {
  it('answers the documented fields and issues the card as asked', async () => {
    const expiry = daysFromNow(200);
    const created = await json(
      await createCard({
        card_limit: 250.5,
        spending_controls: [{ interval: 'PER_TRANSACTION', amount: 40 }],
        risk_controls: { allow_3ds_transactions: 'N', blocked_mcc: ['7995'] },
        metadata: { team: 'conformance' },
        expiry_at: expiry,
      }),
    );
    expect(Object.keys(created).sort()).toEqual(
      ['card_id', 'card_order_id', 'card_status', 'create_time', 'order_status'].sort(),
    );
    expect(created).toMatchObject({ card_status: 'ACTIVE', order_status: 'SUCCESS' });
    expect(Number.isNaN(Date.parse(String(created.create_time)))).toBe(false);
    const card = await retrieve(String(created.card_id));
    expect(card).toMatchObject({
      card_product_id: product('standard'),
      card_currency: 'SGD',
      card_limit: 250.5,
      available_balance: '250.50',
      form_factor: 'VIRTUAL',
      mode_type: 'SINGLE',
      spending_controls: [{ interval: 'PER_TRANSACTION', amount: '40.00' }],
      risk_controls: { allow_3ds_transactions: 'N', blocked_mcc: ['7995'] },
      metadata: { team: 'conformance' },
      expiry_at: expiry,
    });
    const order = await json({
      operation: 'Retrieve Card Order',
      params: { card_order_id: String(created.card_order_id) },
    });
    expect(order).toMatchObject({ card_id: created.card_id, order_type: 'CARD_CREATE', amount: '250.50' });
  });

  it('issues the form card_type names, defaulting to the product first form', async () => {
    const physical = await json(await createCard({ card_type: 'PHYSICAL' }));
    expect((await retrieve(String(physical.card_id))).form_factor).toBe('PHYSICAL');
  });

  it('funds a SINGLE-mode card from the issuing balance, and a SHARE-mode card not at all', async () => {
    const before = await sgdBalance();
    await json(await createCard({ card_limit: 321.25 }));
    expect(await sgdBalance()).toBeCloseTo(before - 321.25, 2);
    await json(await createCard({ card_product_id: product('shared'), card_limit: 500 }));
    expect(await sgdBalance()).toBeCloseTo(before - 321.25, 2);
  });

  it('takes one card from the product sub-BIN pool', async () => {
    const standard = harness.mock.services.world.products.get(product('standard'));
    const before = standard?.subBinInventory ?? 0;
    await json(await createCard());
    expect(standard?.subBinInventory).toBe(before - 1);
  });

  it('changes nothing when a rule refuses the card', async () => {
    const holder = await newHolder();
    const before = await sgdBalance();
    expect(await entryOf(await createCard({ card_product_id: product('issuer-down') }, holder))).toBe(
      'card.b.create_card_error',
    );
    expect(await sgdBalance()).toBe(before);
    const cards = await json({ operation: 'List Cards', query: { cardholder_id: holder } });
    expect(cards.total_items).toBe(0);
  });

  it('one-step: creates the cardholder with the card, and not at all when a later rule refuses', async () => {
    const oneStep = (productName: ProductName): RequestSpec => {
      const { date_of_birth: _, ...fields } = harness.env.data.cardholder();
      return {
        operation: 'Create Card',
        body: { card_product_id: product(productName), card_currency: 'SGD', cardholder_required_fields: fields },
      };
    };
    const refused = oneStep('issuer-down');
    expect(await entryOf(refused)).toBe('card.b.create_card_error');
    const email = (refused.body as { cardholder_required_fields: Json }).cardholder_required_fields.email;
    const holders = [...harness.mock.services.world.cardholders.values()];
    expect(holders.some((h) => h.email === email)).toBe(false);

    const created = await json(oneStep('standard'));
    expect(created).toMatchObject({ cardholder_created: true, card_status: 'ACTIVE' });
    const card = await retrieve(String(created.card_id));
    expect((card.cardholder as Json).cardholder_id).toBe(created.cardholder_id);
  });

  it('frees a per-cardholder quota slot when a card is cancelled', async () => {
    const holder = await newHolder();
    const first = await json(await createCard({ card_product_id: product('quota-1') }, holder));
    expect(await entryOf(await createCard({ card_product_id: product('quota-1') }, holder))).toBe(
      'card.cardholder_quota_exceeded',
    );
    await json({
      operation: 'Update Card Status',
      params: { card_id: String(first.card_id) },
      body: { card_status: 'CANCELLED', update_reason: 'test' },
    });
    await json(await createCard({ card_product_id: product('quota-1') }, holder));
  });
});

describe('Create Card request shape and rule order', () => {
  it.each([
    ['card_product_id missing', { card_product_id: undefined }, 'general.b.request_parameters_invalid'],
    ['card_currency missing', { card_currency: undefined }, 'general.b.request_parameters_invalid'],
    ['card_limit as a string', { card_limit: '100' }, 'general.b.request_parameters_invalid'],
    ['metadata value not a string', { metadata: { n: 1 } }, 'general.b.request_parameters_invalid'],
    ['card_product_id not a UUID', { card_product_id: 'abc' }, 'general.invalid_request_error'],
    ['cardholder_id not a UUID', { cardholder_id: 'abc' }, 'general.invalid_request_error'],
    ['lower-case currency', { card_currency: 'sgd' }, 'general.invalid_request_error'],
    ['unknown usage_type', { usage_type: 'TWICE' }, 'general.invalid_request_error'],
    [
      'unknown spending interval',
      { spending_controls: [{ interval: 'HOURLY', amount: 1 }] },
      'general.invalid_request_error',
    ],
    ['malformed MCC', { risk_controls: { blocked_mcc: ['79'] } }, 'general.invalid_request_error'],
    ['unknown product id', { card_product_id: '00000000-0000-4000-8000-000000000000' }, 'card.product_not_found'],
    ['card_limit with 3 decimals', { card_limit: 1.005 }, 'card.b.card_limit_is_illegal'],
    ['card_type not a form', { card_type: 'PLASTIC' }, 'card.b.invalid_card_type'],
    ['expiry_at not ISO 8601', { expiry_at: '31/12/2030' }, 'card.invalid_expiry_at'],
    ['expiry_at beyond the validity', { expiry_at: daysFromNow(4 * 365) }, 'card.invalid_expiry_at'],
    ['trigger without ONE_TIME', { auto_cancel_trigger: 'NEVER' }, 'card.invalid_auto_cancel_trigger'],
  ])('%s', async (_, extra, entry) => {
    expect(await entryOf(await createCard(extra))).toBe(entry);
  });

  it('judges the product before the card fields, and the card fields before the cardholder', async () => {
    const foreignHolder = harness.mock.fixtures.cardholders.foreign;
    expect(await entryOf(await createCard({ card_product_id: product('foreign'), card_currency: 'EUR' }))).toBe(
      'card.b.not_found_card_products',
    );
    expect(await entryOf(await createCard({ card_currency: 'EUR' }, foreignHolder))).toBe(
      'card.b.card_currency_is_not_support',
    );
    const atQuota = harness.mock.fixtures.cardholders['at-account-quota'];
    expect(await entryOf(await createCard({ card_product_id: product('issuer-down') }, atQuota))).toBe(
      'card.b.cardholder_card_quota_exceeded',
    );
  });
});
