// Card rules: amounts and their precision, spending limits against the per-transaction limit, the no-PIN amount,
// metadata, update-reason length, card_type, currency, expiry_at, auto_cancel_trigger.

import fc from 'fast-check';
import type { RequestSpec } from '../../contract/request.ts';
import { newCard } from '../../generators/arrange.ts';
import type { ScenarioContext } from '../../generators/types.ts';
import { Fresh, money, threeDecimals } from '../values.ts';
import { constEdge, type Disagreement, decimalsEdge, lengthEdge, type Rule } from './types.ts';

const DAY_MS = 86_400_000;
/** The standard product's longest validity in the mock (3 × 365 days); the page does not say. */
const MAX_VALIDITY_DAYS = 3 * 365;
/** The standard product's no-PIN maximum for SGD in the mock; the page does not say. */
const NO_PIN_MAX_SGD = 2000;

/** A card of its own per rule, so one rule's accepted updates never touch another's card. */
const ownCard = (key: string, product?: 'shared') => (ctx: ScenarioContext) =>
  ctx.shared.once(`fuzz-card-${key}`, () => newCard(ctx, product ? { product } : {}));

const updateOwnCard =
  (key: string, product?: 'shared') =>
  async (ctx: ScenarioContext): Promise<RequestSpec> => ({
    operation: 'Update Card',
    params: { card_id: await ownCard(key, product)(ctx) },
    body: {},
  });

const fromNow = (days: number) =>
  new Fresh(`now ${days >= 0 ? '+' : ''}${days} days`, () => new Date(Date.now() + days * DAY_MS).toISOString());

/** Where the page and the SDKs part on Card Recharge / Card Withdraw amounts (mock/RULES.md §3). */
export const AMOUNT_IN_MINOR_UNITS: Disagreement = {
  follows: 'the page: amount is a positive integer in the card currency’s minor unit (e.g. cents; 1000 is 10.00 SGD)',
  others:
    'the SDKs type amount as a number > 0 in major units, and the Python SDK’s integration tests and the docs’ examples send decimals such as "10.00"',
  sources: [
    'catalog/source/card-issuance-errors.zh.txt: Recharge amount is invalid (amount 必须是以卡币种最小单位(如分)表示的正整数)',
    'catalog/source/card-issuance-errors.zh.txt: Withdraw amount is invalid (amount 必须是以卡币种最小单位表示的正整数)',
    '/work/shared/reference/uqpay-api.md §5.6 ([P] _card_recharge_params.py, [J] CardOrderRequest.java, [C] skill docs)',
  ],
};

const amountRule = (entry: string, operation: 'Card Recharge' | 'Card Withdraw', insideMax: number): Rule => ({
  entry,
  operation,
  subject: 'amount a positive integer of minor units',
  field: 'body:amount',
  outside: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 100_000 }).map((n) => -n),
    money(0.01, 50).filter((m) => !Number.isInteger(m)),
    threeDecimals(50),
  ),
  inside: fc.integer({ min: 1, max: insideMax }),
  edge: constEdge(0, 1),
  boundary: 'a positive integer in the card currency’s minor unit (e.g. cents)',
  source: 'page',
  disagreement: AMOUNT_IN_MINOR_UNITS,
  twinRuns: 20,
});

export const CARD_RULES: Rule[] = [
  amountRule('card.b.recharge_amount_is_invalid', 'Card Recharge', 500),
  amountRule('card.b.withdraw_amount_is_invalid', 'Card Withdraw', 5),
  {
    entry: 'card.b.card_limit_is_illegal',
    operation: 'Create Card',
    subject: 'card_limit sign and precision',
    field: 'body:card_limit',
    outside: fc.oneof(
      threeDecimals(100),
      money(0.01, 100).map((m) => -m),
    ),
    inside: money(0, 100),
    edge: decimalsEdge(2, 1.005, 1.01),
    boundary: 'at least 0 with at most 2 decimals',
    source: 'mock',
    disagreement: {
      follows: 'the mock and the SDKs: card_limit a number ≥ 0 in major units with at most 2 decimals',
      others:
        'the page’s remediation asks for spending_controls.spending_limit (a field no SDK has) as a positive integer in the smallest currency unit, within the product’s range',
      sources: [
        'catalog/source/card-issuance-errors.zh.txt: Card limit is illegal (以最小货币单位表示的正整数)',
        '/work/shared/reference/uqpay-api.md §5.3 (card_limit: number ≥ 0; CreateCardRequest.java, card.go)',
      ],
    },
    twinRuns: 10,
  },
  {
    entry: 'card.b.failed_update_card_limit_should_be_greater_than_per_transaction',
    operation: 'Update Card',
    subject: 'card_limit against the PER_TRANSACTION amount',
    field: 'body:card_limit',
    base: updateOwnCard('share-limits', 'shared'),
    context: () => ({ 'body:spending_controls': [{ interval: 'PER_TRANSACTION', amount: 100 }] }),
    outside: money(0.01, 99.99),
    inside: money(100, 10_000),
    edge: constEdge(99.99, 100),
    boundary: 'card_limit at least the PER_TRANSACTION amount (equal is accepted)',
    source: 'mock',
  },
  {
    entry: 'card.b.failed_update_your_transaction_limit_should_be_greater_than_0',
    operation: 'Update Card',
    subject: 'PER_TRANSACTION amount',
    field: 'body:spending_controls',
    base: updateOwnCard('per-transaction'),
    outside: fc
      .oneof(
        fc.constant(0),
        money(0.01, 1000).map((m) => -m),
      )
      .map((amount) => [{ interval: 'PER_TRANSACTION', amount }]),
    inside: money(0.01, 100).map((amount) => [{ interval: 'PER_TRANSACTION', amount }]),
    edge: constEdge([{ interval: 'PER_TRANSACTION', amount: 0 }], [{ interval: 'PER_TRANSACTION', amount: 0.01 }]),
    boundary: 'greater than 0',
    source: 'page',
  },
  {
    entry: 'card.b.invalid_no_pin_payment_amount_for_the_current_currency',
    operation: 'Update Card',
    subject: 'no_pin_payment_amount maximum (SGD)',
    field: 'body:no_pin_payment_amount',
    base: updateOwnCard('no-pin'),
    outside: money(NO_PIN_MAX_SGD + 0.01, 1_000_000),
    inside: money(0, NO_PIN_MAX_SGD),
    edge: constEdge(NO_PIN_MAX_SGD + 0.01, NO_PIN_MAX_SGD),
    boundary: `at most the product's no-PIN maximum (${NO_PIN_MAX_SGD} SGD on the mock's standard product)`,
    source: 'mock',
  },
  {
    entry: 'card.b.no_pin_payment_amount_failed',
    operation: 'Update Card',
    subject: 'no_pin_payment_amount type, sign and precision',
    field: 'body:no_pin_payment_amount',
    base: updateOwnCard('no-pin-format'),
    outside: fc.oneof(
      threeDecimals(NO_PIN_MAX_SGD),
      money(0.01, 500).map((m) => -m),
      money(0, 500).map((m) => String(m)),
    ),
    inside: money(0, NO_PIN_MAX_SGD),
    edge: decimalsEdge(2, 1.005, 1.01),
    boundary: 'a JSON number ≥ 0 with at most the currency’s 2 decimals',
    source: 'mock',
  },
  {
    entry: 'card.b.metadata_is_invalid',
    operation: 'Update Card',
    subject: 'metadata shape and size',
    field: 'body:metadata',
    base: updateOwnCard('metadata'),
    outside: fc.oneof(
      fc.integer({ min: 3201, max: 4000 }).map(metadataOfBytes),
      fc
        .tuple(
          fc.string({ minLength: 1, maxLength: 8 }),
          fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(fc.string(), fc.string())),
        )
        .map(([k, v]) => ({ [k]: v })),
    ),
    inside: fc.oneof(
      fc.integer({ min: 3150, max: 3200 }).map(metadataOfBytes),
      fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 5 }),
    ),
    edge: {
      ...constEdge(metadataOfBytes(3201), metadataOfBytes(3200)),
      isOutside: (v) => bytes(v) === 3201,
      toInside: () => metadataOfBytes(3200),
      isInside: (v) => bytes(v) === 3200,
      toOutside: () => metadataOfBytes(3201),
    },
    boundary: 'string values only, at most 3200 bytes of JSON',
    source: 'sdk',
  },
  {
    entry: 'card.b.update_reason_is_too_long',
    operation: 'Update Card Status',
    subject: 'update_reason length',
    field: 'body:update_reason',
    outside: fc.string({ minLength: 101, maxLength: 150 }),
    inside: fc.string({ minLength: 1, maxLength: 100 }),
    edge: lengthEdge(100, 'r'.repeat(101), 'r'.repeat(100), 'r'),
    boundary: 'at most 100 characters',
    source: 'sdk',
    twinRuns: 10,
  },
  {
    entry: 'card.b.invalid_card_type',
    operation: 'Create Card',
    subject: 'card_type',
    field: 'body:card_type',
    outside: fc
      .oneof(
        fc.constantFrom('virtual', 'Virtual', 'VIRTUAL ', 'PLASTIC', 'DIGITAL'),
        fc.string({ minLength: 1, maxLength: 10 }),
      )
      .filter((s) => !['VIRTUAL', 'PHYSICAL'].includes(s)),
    inside: fc.constant('VIRTUAL'),
    edge: constEdge('virtual', 'VIRTUAL'),
    boundary: "one of the product's card forms (VIRTUAL, PHYSICAL)",
    source: 'page',
    twinRuns: 5,
  },
  {
    entry: 'card.b.card_currency_is_not_support',
    operation: 'Create Card',
    subject: 'card_currency',
    field: 'body:card_currency',
    outside: fc
      .oneof(fc.constantFrom('EUR', 'GBP', 'HKD', 'JPY', 'SGX'), fc.stringMatching(/^[A-Z]{3}$/u))
      .filter((c) => !['SGD', 'USD'].includes(c)),
    inside: fc.constant('SGD'),
    edge: constEdge('SGX', 'SGD'),
    boundary: 'SGD or USD',
    source: 'sdk',
    twinRuns: 5,
  },
  {
    entry: 'card.invalid_expiry_at',
    operation: 'Create Card',
    subject: 'expiry_at window',
    field: 'body:expiry_at',
    outside: fc.oneof(
      fc.integer({ min: MAX_VALIDITY_DAYS + 1, max: MAX_VALIDITY_DAYS * 3 }).map(fromNow),
      fc.integer({ min: -3650, max: -1 }).map(fromNow),
      fc.constantFrom('2030-01-01', '2030/01/01T00:00:00Z', 'tomorrow'),
    ),
    inside: fc.integer({ min: 1, max: MAX_VALIDITY_DAYS - 1 }).map(fromNow),
    edge: {
      ...constEdge(fromNow(MAX_VALIDITY_DAYS + 1), fromNow(MAX_VALIDITY_DAYS - 1)),
      isOutside: (v) => daysAhead(v) > MAX_VALIDITY_DAYS + 0.5 && daysAhead(v) < MAX_VALIDITY_DAYS + 1.5,
      toInside: () => new Date(Date.now() + (MAX_VALIDITY_DAYS - 1) * DAY_MS).toISOString(),
      isInside: (v) => daysAhead(v) > MAX_VALIDITY_DAYS - 1.5 && daysAhead(v) < MAX_VALIDITY_DAYS - 0.5,
      toOutside: () => new Date(Date.now() + (MAX_VALIDITY_DAYS + 1) * DAY_MS).toISOString(),
    },
    boundary: `after now and within the product's validity (${MAX_VALIDITY_DAYS} days on the mock)`,
    source: 'mock',
    twinRuns: 10,
  },
  {
    entry: 'card.invalid_auto_cancel_trigger',
    operation: 'Create Card',
    subject: 'auto_cancel_trigger of a ONE_TIME card',
    field: 'body:auto_cancel_trigger',
    context: () => ({ 'body:usage_type': 'ONE_TIME' }),
    outside: fc
      .oneof(
        fc.constantFrom('on_auth', 'ON_AUTHORIZATION', 'ON_SETTLE', 'NEVER'),
        fc.string({ minLength: 1, maxLength: 12 }),
      )
      .filter((s) => !['ON_AUTH', 'ON_CAPTURE'].includes(s)),
    inside: fc.constantFrom('ON_AUTH', 'ON_CAPTURE'),
    edge: constEdge('on_auth', 'ON_AUTH'),
    boundary: 'ON_AUTH or ON_CAPTURE',
    source: 'sdk',
    twinRuns: 6,
  },
];

function metadataOfBytes(total: number): Record<string, string> {
  // {"note":"…"} is 11 bytes around the value.
  return { note: 'm'.repeat(total - 11) };
}

function bytes(value: unknown): number {
  return value && typeof value === 'object' ? Buffer.byteLength(JSON.stringify(value)) : -1;
}

function daysAhead(value: unknown): number {
  const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(at) ? Number.NaN : (at - Date.now()) / DAY_MS;
}
