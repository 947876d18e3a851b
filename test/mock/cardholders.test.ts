// Success paths and state effects of the cardholder operations that the scenarios (which only need the twin to be
// 2xx) do not pin down: what Create/Update Cardholder store and answer, KYC outcomes, List Cardholders' paging and
// filter, and the shape and ordering rules around the field rules.

import { describe, expect, it } from 'vitest';
import type { RequestSpec } from '../../contract/request.ts';
import { TINY_PNG_BASE64 } from '../../generators/data.ts';
import { matchCatalog } from '../../harness/judge.ts';
import { useMockEnvironment } from '../__helpers__/mock-env.ts';

const harness = useMockEnvironment();
const { json, entryOf } = harness;

type Json = Record<string, unknown>;
const send = (spec: RequestSpec) => harness.env.client.send(spec);
const data = () => harness.env.data;
const thirdParty = () => ({
  method: 'THIRD_PARTY',
  kyc_proof: { provider: 'SUMSUB', reference_id: data().referenceId() },
});

const create = (body: Json, onBehalfOf?: string): RequestSpec => ({
  operation: 'Create Cardholder',
  body,
  ...(onBehalfOf ? { onBehalfOf } : {}),
});
const retrieve = (id: unknown): RequestSpec => ({
  operation: 'Retrieve Cardholder',
  params: { cardholder_id: String(id) },
});
const update = (id: unknown, body: Json): RequestSpec => ({
  operation: 'Update Cardholder',
  params: { cardholder_id: String(id) },
  body,
});

describe('Create Cardholder and Retrieve Cardholder', () => {
  it('stores the fields sent and answers SUCCESS without KYC verification', async () => {
    const body = data().cardholder({ nationality: 'SG', residential_address: data().residentialAddress() });
    const created = await json(create(body));
    expect(Object.keys(created).sort()).toEqual(['cardholder_id', 'cardholder_status']);
    expect(created.cardholder_status).toBe('SUCCESS');
    const read = await json(retrieve(created.cardholder_id));
    expect(read).toMatchObject({
      cardholder_id: created.cardholder_id,
      email: body.email,
      first_name: body.first_name,
      last_name: body.last_name,
      country_code: 'SG',
      phone_number: body.phone_number,
      date_of_birth: body.date_of_birth,
      gender: body.gender,
      nationality: 'SG',
      residential_address: body.residential_address,
      cardholder_status: 'SUCCESS',
      number_of_cards: 0,
    });
  });

  it('THIRD_PARTY verifies at once; SUMSUB_REDIRECT is INCOMPLETE with an IDV link and cannot take a card yet', async () => {
    const verified = await json(
      create(data().cardholder({ identity: data().identity(), kyc_verification: thirdParty() })),
    );
    expect(verified.cardholder_status).toBe('SUCCESS');
    const redirected = await json(create(data().cardholder({ kyc_verification: { method: 'SUMSUB_REDIRECT' } })));
    expect(redirected.cardholder_status).toBe('INCOMPLETE');
    expect(String(redirected.idv_verification_url)).toMatch(/^https:\/\//u);
    expect(Number.isNaN(Date.parse(String(redirected.idv_url_expires_at)))).toBe(false);
    const card = {
      cardholder_id: redirected.cardholder_id,
      card_product_id: harness.mock.fixtures.products.standard,
      card_currency: 'SGD',
      card_limit: 10,
    };
    expect(await entryOf({ operation: 'Create Card', body: card })).toBe('cardholder.cardholder_kyc_pending');
  });

  it('a request-shape fault comes before the field rules, and field rules keep their documented order', async () => {
    const { email: _, ...noEmail } = data().cardholder({ first_name: ' Bad' });
    expect(await entryOf(create(noEmail))).toBe('general.b.request_parameters_invalid');
    expect(await entryOf(create(data().cardholder({ identity: { number: 'E1234567' } })))).toBe(
      'general.b.request_parameters_invalid',
    );
    const both = data().cardholder({ last_name: 'B4d', phone_number: 'abc', document_type: 'gif' });
    expect(await entryOf(create(both))).toBe('cardholder.invalid_last_name');
    const filesThenKyc = data().cardholder({ document_type: 'gif', kyc_verification: { method: 'NONE' } });
    expect(await entryOf(create(filesThenKyc))).toBe('cardholder.file_type_not_supported');
    expect(await entryOf(create(data().cardholder({ email: 'not-an-email' })))).toBe('general.invalid_request_error');
  });

  it('a refused create leaves nothing behind: the same email and phone then succeed', async () => {
    const body = data().cardholder();
    expect(await entryOf(create({ ...body, date_of_birth: '2020-01-01' }))).toBe('cardholder.invalid_date_of_birth');
    await json(create(body));
    expect(await entryOf(create({ ...data().cardholder(), email: String(body.email).toUpperCase() }))).toBe(
      'cardholder.email_duplicated',
    );
  });

  it('an identity number is unique per account', async () => {
    const identity = data().identity();
    await json(create(data().cardholder({ identity })));
    expect(await entryOf(create(data().cardholder({ identity })))).toBe('general.invalid_request_error');
  });

  it('another account cannot read the cardholder', async () => {
    const created = await json(create(data().cardholder()));
    const foreign = await send({
      ...retrieve(created.cardholder_id),
      auth: { kind: 'credential', name: 'other-account' },
    });
    expect(matchCatalog(harness.env.catalog, foreign)[0]?.id).toBe('cardholder.cardholder_not_found');
  });
});

describe('Update Cardholder', () => {
  it('changes the fields sent, keeps the names, and verifies with THIRD_PARTY', async () => {
    const body = data().cardholder();
    const created = await json(create(body));
    const phone = data().phone();
    const answer = await json(
      update(created.cardholder_id, {
        first_name: 'Renamed',
        phone_number: phone,
        nationality: 'MY',
        identity: data().identity({ type: 'ID_CARD', back_file: TINY_PNG_BASE64 }),
        kyc_verification: thirdParty(),
      }),
    );
    expect(answer).toEqual({ cardholder_id: created.cardholder_id, cardholder_status: 'SUCCESS' });
    const read = await json(retrieve(created.cardholder_id));
    expect(read).toMatchObject({ first_name: body.first_name, phone_number: phone, nationality: 'MY' });
  });

  it('refuses an email, phone or identity number another cardholder holds', async () => {
    const taken = data().cardholder({ identity: data().identity() });
    await json(create(taken));
    const holder = (await json(create(data().cardholder()))).cardholder_id;
    for (const body of [{ email: taken.email }, { phone_number: taken.phone_number }, { identity: taken.identity }]) {
      expect(await entryOf(update(holder, body))).toBe('general.invalid_request_error');
    }
  });

  it('during review, non-KYC fields stay editable; a malformed id names the field', async () => {
    const pending = harness.mock.fixtures.cardholders['kyc-pending'];
    await json(update(pending, { gender: 'MALE' }));
    const bad = await send(update('not-a-uuid', { gender: 'MALE' }));
    expect((bad.json as Json).message).toBe('cardholder_id: must be a UUID');
  });
});

describe('List Cardholders', () => {
  it('pages newest first, filters by cardholder_status, and leaves deactivated cardholders out', async () => {
    const sub = harness.mock.fixtures.sub_accounts.active;
    const made: string[] = [];
    for (let i = 0; i < 11; i++) made.push(String((await json(create(data().cardholder(), sub.id))).cardholder_id));
    const sumsub = data().cardholder({ kyc_verification: { method: 'SUMSUB_REDIRECT' } });
    const incomplete = String((await json(create(sumsub, sub.id))).cardholder_id);
    const list = (query: Record<string, string>) => json({ operation: 'List Cardholders', query, onBehalfOf: sub.id });

    const first = await list({ page_size: '10', page_number: '1' });
    expect(first).toMatchObject({ total_items: 13, total_pages: 2 });
    const ids = (first.data as Json[]).map((h) => h.cardholder_id);
    expect(ids.slice(0, 2)).toEqual([incomplete, made[10]]);
    const second = await list({ page_size: '10', page_number: '2' });
    expect((second.data as Json[]).map((h) => h.cardholder_id)).toContain(sub.cardholder_id);

    const filtered = await list({ cardholder_status: 'INCOMPLETE' });
    expect((filtered.data as Json[]).map((h) => h.cardholder_id)).toEqual([incomplete]);
    const bad = await send({ operation: 'List Cardholders', query: { cardholder_status: 'DONE' } });
    expect(matchCatalog(harness.env.catalog, bad)[0]?.id).toBe('general.invalid_request_error');

    const master = await json({ operation: 'List Cardholders', query: { page_size: '100' } });
    const masterIds = (master.data as Json[]).map((h) => h.cardholder_id);
    expect(masterIds).not.toContain(harness.mock.fixtures.cardholders.deactivated);
    expect(masterIds).not.toContain(incomplete);
  });
});
