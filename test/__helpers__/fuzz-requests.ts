// Random HTTP requests for the mock's robustness test (test/mock/fuzz.test.ts). Most target real API paths with
// the operation's own method, ids drawn from fixtures or made up, and bodies that are near-valid for the operation
// (so the traffic reaches the rules, not only the checks in front of them); the rest is random methods, garbage
// paths, broken headers and bodies that are malformed JSON, huge, arrays or bare numbers.

import fc from 'fast-check';
import type { OperationId } from '../../catalog/ids.ts';
import type { Operation } from '../../catalog/types.ts';
import type { Fixtures } from '../../contract/fixtures.ts';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  body: string | undefined;
}

export interface FuzzInputs {
  operations: readonly Operation[];
  fixtures: Fixtures;
  /** A valid x-auth-token value of the default credential. */
  validToken: string;
  /** Other x-auth-token values: bare, superseded, expired, tampered, other credentials'. */
  otherTokens: string[];
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'] as const;
const HUGE = JSON.stringify({ currency: 'x'.repeat(1_000_000) });
const OVER_LIMIT = 'x'.repeat(5 * 1024 * 1024 + 1);
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const ascii = (maxLength: number) => fc.string({ unit: 'grapheme-ascii', maxLength });

export function fuzzRequest({ operations, fixtures, validToken, otherTokens }: FuzzInputs): fc.Arbitrary<FuzzRequest> {
  const ids = [
    ...Object.values(fixtures.cards).map((c) => c.id),
    ...Object.values(fixtures.cardholders),
    ...Object.values(fixtures.products),
    ...Object.values(fixtures.sub_accounts).flatMap((s) => [s.id, s.card_id, s.transaction_id ?? s.cardholder_id]),
  ];
  const id = fc.oneof(
    { arbitrary: fc.constantFrom(...ids), weight: 3 },
    { arbitrary: fc.uuid(), weight: 3 },
    { arbitrary: fc.uuid().map((u) => u.toUpperCase()), weight: 1 },
    { arbitrary: ascii(40).map(encodeURIComponent), weight: 2 },
    { arbitrary: fc.constantFrom('..', '.', '%zz', '%00', '%2F', 'null', '-1', '0'.repeat(300)), weight: 1 },
  );
  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(...ids, 'SGD', 'USD', 'EUR', 'VISA', 'AMEX', '5734', 'ACTIVE', 'FROZEN', 'CANCELLED', -1, 0, 0.001),
  );
  const templates = bodyTemplates(fixtures);
  const nearValid = (op: Operation) => {
    const keys = [...Object.keys(templates[op.id] ?? {}), 'extra'];
    return fc
      .record({ drop: fc.option(fc.constantFrom(...keys)), set: fc.option(fc.tuple(fc.constantFrom(...keys), value)) })
      .map(({ drop, set }) => {
        const body: Record<string, unknown> = { ...templates[op.id] };
        if (drop !== null) delete body[drop];
        if (set !== null) body[set[0]] = set[1];
        return JSON.stringify(body);
      });
  };
  const randomBody = fc.oneof(
    { weight: 400, arbitrary: fc.constant(undefined) },
    { weight: 300, arbitrary: fc.dictionary(ascii(10), value, { maxKeys: 6 }).map((o) => JSON.stringify(o)) },
    { weight: 200, arbitrary: fc.oneof(fc.constantFrom('{', '{"a":', '[1,', "{'a':1}", 'nul', '{}}'), ascii(50)) },
    { weight: 100, arbitrary: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 5 }).map((a) => JSON.stringify(a)) },
    { weight: 100, arbitrary: fc.oneof(fc.double(), fc.integer()).map((n) => String(n)) },
    { weight: 100, arbitrary: fc.constantFrom('null', 'true', '""', nested(500), HUGE) },
    { weight: 1, arbitrary: fc.constant(OVER_LIMIT) },
  );
  const query = fc
    .array(
      fc.tuple(
        fc.constantFrom(
          'page_size',
          'page_number',
          'card_id',
          'currency',
          'start_time',
          'end_time',
          'card_status',
          'x',
        ),
        fc.oneof(
          fc.constantFrom('10', '100', '0', '-1', '1e3', '', 'SGD', 'ACTIVE', '2024-01-01T00:00:00Z', '%', ...ids),
          ascii(20).map(encodeURIComponent),
        ),
      ),
      { maxLength: 4 },
    )
    .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));

  const toApi = fc.constantFrom(...operations).chain((op) =>
    fc.record({
      method: fc.oneof(
        { weight: 6, arbitrary: fc.constant(op.method) },
        { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
      ),
      path: fc.tuple(id, query).map(([value, q]) => `/api${op.path.replace(/\{\w+\}/gu, value)}${q}`),
      body: fc.oneof({ weight: 3, arbitrary: nearValid(op) }, { weight: 2, arbitrary: randomBody }),
    }),
  );
  const elsewhere = fc.record({
    method: fc.constantFrom(...METHODS),
    path: fc.oneof(
      fc.constant('/api/v1/connect/token'),
      fc
        .tuple(
          fc.constantFrom('api', 'api/v1', 'api/v1/issuing', 'x'),
          fc.array(fc.oneof(id, fc.constantFrom('v1', 'issuing', 'cards', 'balances', '')), { maxLength: 5 }),
        )
        .map(([prefix, parts]) => `/${prefix}/${parts.join('/')}`),
      ascii(30).map(garbagePath),
    ),
    body: randomBody,
  });
  return fc
    .tuple(
      fc.oneof({ weight: 5, arbitrary: toApi }, { weight: 1, arbitrary: elsewhere }),
      headers(fixtures, validToken, otherTokens),
    )
    .map(([target, hdrs]) => ({ ...target, headers: hdrs }));
}

function headers(fixtures: Fixtures, validToken: string, otherTokens: string[]) {
  const header = (values: fc.Arbitrary<string>) => fc.option(values, { nil: undefined, freq: 4 });
  const subAccounts = Object.values(fixtures.sub_accounts).map((s) => s.id);
  return fc.record({
    'x-auth-token': fc.oneof(
      { weight: 6, arbitrary: fc.constant(validToken) },
      { weight: 2, arbitrary: fc.constantFrom(...otherTokens) },
      { weight: 1, arbitrary: header(ascii(60)) },
    ),
    'x-idempotency-key': header(fc.oneof(fc.uuid(), fc.constantFrom('', 'k1', 'k2', 'x'.repeat(300)), ascii(40))),
    'x-on-behalf-of': fc.option(fc.oneof(fc.constantFrom('', ...subAccounts), fc.uuid(), ascii(40)), {
      nil: undefined,
      freq: 2,
    }),
    'content-type': fc.oneof(
      { weight: 6, arbitrary: fc.constant('application/json') },
      {
        weight: 2,
        arbitrary: header(
          fc.oneof(
            fc.constantFrom('application/json; charset=utf-8', 'text/plain', 'application/xml', 'multipart/form-data'),
            fc.constantFrom('application/x-www-form-urlencoded', 'application/vnd.api+json'),
            ascii(30),
          ),
        ),
      },
    ),
    'x-client-id': header(ascii(20)),
  });
}

/**
 * Valid-looking bodies per operation id, built from fixtures; the fuzz drops or replaces one field. Null for the
 * operations that take no body (GET).
 */
function bodyTemplates(fixtures: Fixtures) {
  const sub = fixtures.sub_accounts.active;
  const card = sub.card_id;
  const noBody = null;
  return {
    list_cards: noBody,
    retrieve_card: noBody,
    retrieve_sensitive_card_details: noBody,
    retrieve_card_order: noBody,
    list_cardholders: noBody,
    retrieve_cardholder: noBody,
    list_issuing_balances: noBody,
    list_issuing_balances_transactions: noBody,
    list_cards_transactions: noBody,
    retrieve_cards_transaction: noBody,
    create_card: {
      cardholder_id: sub.cardholder_id,
      card_product_id: fixtures.products.standard,
      card_currency: 'SGD',
      card_limit: 10,
    },
    update_card: { card_limit: 50, metadata: { a: 'b' }, spending_controls: [{ amount: 10, interval: 'DAILY' }] },
    update_card_status: { card_status: 'FROZEN', update_reason: 'fuzz' },
    create_pan_token: {},
    card_recharge: { amount: 1 },
    card_withdraw: { amount: 1 },
    activate_card: { card_id: card, activation_code: '123456', pin: '123456' },
    reset_card_pin: { card_id: card, pin: '123456' },
    assign_card: {
      cardholder_id: sub.cardholder_id,
      card_number: fixtures.pool[0]?.card_number,
      card_currency: 'SGD',
      card_mode: 'SINGLE',
    },
    create_cardholder: {
      email: 'fuzz@example.com',
      first_name: 'Fuzz',
      last_name: 'Test',
      country_code: 'SG',
      phone_number: '81234567',
      date_of_birth: '1990-01-01',
    },
    update_cardholder: { gender: 'MALE' },
    retrieve_issuing_balance: { currency: 'SGD' },
    simulate_authorization: {
      card_id: card,
      transaction_amount: 1,
      transaction_currency: 'SGD',
      merchant_name: 'Fuzz',
      merchant_category_code: '5734',
    },
    simulate_reversal: { transaction_id: fixtures.sub_accounts.suspended.transaction_id },
  } satisfies Record<OperationId, Record<string, unknown> | null>;
}

/** Any path outside /api and /__mock (the control surface is not part of the contract under test). */
function garbagePath(text: string): string {
  const path = `/${encodeURIComponent(text)}`;
  return path.startsWith('/__mock') ? `/x${path}` : path;
}
