// The cardholder half of Create Card beyond what the scenarios pin down: what one-step issuance and a supplement
// store, the missing_fields lists, that nothing is created before commit(), and a foreign cardholder's answer.

import { describe, expect, it } from 'vitest';
import type { RequestSpec } from '../../contract/request.ts';
import { matchCatalog } from '../../harness/judge.ts';
import { ApiFailure } from '../../mock/errors.ts';
import { cardholderForNewCard } from '../../mock/ops/cards/create-card-cardholder.ts';
import type { OpContext } from '../../mock/ops/context.ts';
import type { Product } from '../../mock/state/types.ts';
import { useMockEnvironment } from '../__helpers__/mock-env.ts';

const harness = useMockEnvironment();
const { json } = harness;

type Json = Record<string, unknown>;
const send = (spec: RequestSpec) => harness.env.client.send(spec);
const data = () => harness.env.data;
const fixtures = () => harness.mock.fixtures;
const world = () => harness.mock.services.world;

async function answer(spec: RequestSpec): Promise<{ entry: string | undefined; body: Json }> {
  const observed = await send(spec);
  return { entry: matchCatalog(harness.env.catalog, observed)[0]?.id, body: observed.json as Json };
}

const cardBody = (extra: Json, product = fixtures().products.standard): Json => ({
  card_product_id: product,
  card_currency: 'SGD',
  card_limit: 10,
  ...extra,
});
const createCard = (body: Json, onBehalfOf?: string): RequestSpec => ({
  operation: 'Create Card',
  body,
  ...(onBehalfOf ? { onBehalfOf } : {}),
});
const holderCount = () => world().cardholders.size;

describe('one-step issuance', () => {
  it('creates the cardholder with the card and says so', async () => {
    const fields = data().cardholder();
    const created = await json(createCard(cardBody({ cardholder_required_fields: fields })));
    expect(created.cardholder_created).toBe(true);
    const holder = await json({
      operation: 'Retrieve Cardholder',
      params: { cardholder_id: String(created.cardholder_id) },
    });
    expect(holder).toMatchObject({ email: fields.email, phone_number: fields.phone_number, number_of_cards: 1 });
  });

  it('creates no cardholder when a later Create Card rule refuses the request', async () => {
    const lowBalance = fixtures().sub_accounts['low-balance'].id;
    const fields = data().cardholder();
    const before = holderCount();
    const refused = await answer(
      createCard(cardBody({ cardholder_required_fields: fields, card_limit: 100 }), lowBalance),
    );
    expect(refused.entry).toBe('card.b.insufficient_balance');
    expect(holderCount()).toBe(before);
    await json({ operation: 'Create Cardholder', body: fields });
  });

  it('lists every field a new cardholder and the product need in missing_fields', async () => {
    const { email: _, phone_number: __, ...fields } = data().cardholder();
    const refused = await answer(
      createCard(cardBody({ cardholder_required_fields: fields }, fixtures().products['enhanced-kyc'])),
    );
    expect(refused.entry).toBe('cardholder.cardholder_incomplete_fields');
    expect(refused.body.missing_fields).toEqual([
      { name: 'email', type: 'string', required: true },
      { name: 'phone_number', type: 'string', required: true },
      { name: 'nationality', type: 'string', required: true },
      { name: 'residential_address', type: 'object', required: true },
      { name: 'identity', type: 'object', required: true },
    ]);
  });

  it('an empty cardholder_required_fields is no cardholder information', async () => {
    const refused = await answer(createCard(cardBody({ cardholder_required_fields: {} })));
    expect(refused.entry).toBe('cardholder.cardholder_missing_info');
  });
});

describe('an existing cardholder', () => {
  it('kyc_insufficient names exactly the fields the cardholder lacks', async () => {
    const holder = await json({ operation: 'Create Cardholder', body: data().cardholder({ nationality: 'SG' }) });
    const body = cardBody({ cardholder_id: holder.cardholder_id }, fixtures().products['enhanced-kyc']);
    const refused = await answer(createCard(body));
    expect(refused.entry).toBe('cardholder.kyc_insufficient');
    expect(refused.body.missing_fields).toEqual([
      { name: 'residential_address', type: 'object', required: true },
      { name: 'identity', type: 'object', required: true },
    ]);
  });

  it('a supplement fills the missing fields and never overwrites what is on file', async () => {
    const original = data().cardholder();
    const holder = await json({ operation: 'Create Cardholder', body: original });
    const supplement = {
      nationality: 'SG',
      residential_address: data().residentialAddress(),
      identity: data().identity(),
      phone_number: data().phone(),
    };
    const body = cardBody(
      { cardholder_id: holder.cardholder_id, cardholder_required_fields: supplement },
      fixtures().products['enhanced-kyc'],
    );
    const created = await json(createCard(body));
    expect(created.cardholder_created).toBeUndefined();
    const read = await json({
      operation: 'Retrieve Cardholder',
      params: { cardholder_id: String(holder.cardholder_id) },
    });
    expect(read).toMatchObject({
      nationality: 'SG',
      residential_address: supplement.residential_address,
      phone_number: original.phone_number,
    });
  });

  it("another account's cardholder is not cardholder_not_found", async () => {
    const foreign = fixtures().cardholders.foreign;
    expect((await answer(createCard(cardBody({ cardholder_id: foreign })))).entry).toBe(
      'card.b.card_holder_not_exists_or_is_illegal',
    );
    // The resolver answers the same on its own, whatever its caller checked before.
    const account = world().accounts.get(fixtures().account_id);
    const product = world().products.get(fixtures().products.standard) as Product;
    const ctx = { world: world(), account, body: { cardholder_id: foreign } } as unknown as OpContext;
    const thrown = (() => {
      try {
        cardholderForNewCard(ctx, product);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(ApiFailure);
    expect((thrown as ApiFailure).entryId).toBe('card.b.card_holder_not_exists_or_is_illegal');
  });

  it('the resolver changes nothing until commit()', () => {
    const account = world().accounts.get(fixtures().account_id);
    const product = world().products.get(fixtures().products.standard) as Product;
    const fields = data().cardholder();
    const ctx = { world: world(), account, body: { cardholder_required_fields: fields } } as unknown as OpContext;
    const before = holderCount();
    const { cardholder, commit } = cardholderForNewCard(ctx, product);
    expect(cardholder).toBeNull();
    expect(holderCount()).toBe(before);
    expect(commit().email).toBe(fields.email);
    expect(holderCount()).toBe(before + 1);
  });
});
