// Rules outside the cardholder and card tables: the simulator's MCC and channel, transaction amounts, the
// idempotency key format, page_size and page_number, and the date window of list filters.

import fc from 'fast-check';
import type { RequestSpec } from '../../contract/request.ts';
import { Fresh, money, threeDecimals, uniqueText } from '../values.ts';
import { constEdge, decimalsEdge, type Edge, lengthEdge, type Rule } from './types.ts';

const DAY_MS = 86_400_000;
const WINDOW_START = '2026-01-01T00:00:00Z';
const windowEnd = (ms: number) => new Date(Date.parse(WINDOW_START) + ms).toISOString().replace('.000Z', 'Z');

const key = (length: number) => new Fresh(`${length}-character unique key`, () => uniqueText(length));
const intEdge = (outside: number, inside: number): Edge => ({
  ...constEdge(String(outside), String(inside)),
  isOutside: (v) => String(v) === String(outside),
  isInside: (v) => String(v) === String(inside),
  toInside: () => String(inside),
  toOutside: () => String(outside),
});

const listCards = async (): Promise<RequestSpec> => ({ operation: 'List Cards', query: {} });

type Range = [min: number, max: number];
type Paging = [
  subject: string,
  param: 'page_size' | 'page_number',
  outside: Range,
  inside: Range,
  edge: Range,
  boundary: string,
];

/** List Cards' paging parameters and their bounds (the SDK's); an edge is [outside, inside]. */
const PAGING: Paging[] = [
  ['page_size above 100', 'page_size', [101, 100_000], [10, 100], [101, 100], '10–100'],
  ['page_size below 10', 'page_size', [-100, 9], [10, 100], [9, 10], '10–100'],
  ['page_number', 'page_number', [-1000, 0], [1, 10_000], [0, 1], 'at least 1'],
];

function pagingRule([subject, param, outside, inside, edge, boundary]: Paging): Rule {
  return {
    entry: 'general.invalid_request_error',
    operation: 'List Cards',
    subject,
    field: `query:${param}`,
    base: listCards,
    outside: fc.integer({ min: outside[0], max: outside[1] }),
    inside: fc.integer({ min: inside[0], max: inside[1] }),
    edge: intEdge(...edge),
    boundary,
    source: 'sdk',
  };
}

/** The simulator's channel, on Simulate Authorization or Simulate Reversal. */
export const channelRule = (operation: 'Simulate Authorization' | 'Simulate Reversal'): Rule => ({
  entry: 'transaction.b.invalid_channel_code',
  operation,
  subject: 'channel',
  field: 'body:channel',
  outside: fc
    .oneof(
      fc.constantFrom('visa', 'Visa', 'AMEX', 'UNIONPAY', 'MASTER CARD', 'JCB'),
      fc.string({ minLength: 1, maxLength: 10 }),
    )
    .filter((c) => !['VISA', 'MASTERCARD'].includes(c)),
  inside: fc.constantFrom('VISA', 'MASTERCARD'),
  edge: constEdge('visa', 'VISA'),
  boundary: 'VISA or MASTERCARD',
  source: 'sdk',
  twinRuns: 6,
});

export const GENERAL_RULES: Rule[] = [
  {
    entry: 'transaction.b.mcc_is_error',
    operation: 'Simulate Authorization',
    subject: 'merchant_category_code',
    field: 'body:merchant_category_code',
    outside: fc
      .oneof(
        fc.stringMatching(/^\d{4}$/u),
        fc.stringMatching(/^\d{1,3}$/u),
        fc.stringMatching(/^\d{5,6}$/u),
        fc.constantFrom('573A', ' 5734', '5734 '),
      )
      .filter((m) => m !== '5734'),
    inside: fc.constant('5734'),
    edge: constEdge('57340', '5734'),
    boundary: 'four digits the sandbox simulator supports (5734)',
    source: 'sdk',
    twinRuns: 5,
  },
  channelRule('Simulate Authorization'),
  {
    entry: 'general.invalid_request_error',
    operation: 'Simulate Authorization',
    subject: 'transaction_amount sign and precision',
    field: 'body:transaction_amount',
    outside: fc.oneof(
      threeDecimals(10),
      fc.constant(0),
      money(0.01, 100).map((m) => -m),
    ),
    inside: money(0.01, 0.5),
    edge: decimalsEdge(2, 0.001, 0.01),
    boundary: 'greater than 0 with at most 2 decimals',
    source: 'mock',
    twinRuns: 10,
  },
  {
    entry: 'general.invalid_key_format',
    operation: 'Retrieve Issuing Balance',
    subject: 'x-idempotency-key length',
    field: 'header:x-idempotency-key',
    outside: fc.oneof(fc.constant(''), fc.integer({ min: 256, max: 400 }).map(key)),
    inside: fc.integer({ min: 1, max: 255 }).map(key),
    edge: lengthEdge(255, key(256), key(255), 'k'),
    boundary: '1–255 characters',
    source: 'mock',
  },
  ...PAGING.map(pagingRule),
  {
    entry: 'general.invalid_request_error',
    operation: 'List Cards Transactions',
    subject: 'start_time–end_time window',
    field: 'query:end_time',
    context: () => ({ 'query:start_time': WINDOW_START }),
    outside: fc.oneof(
      fc.integer({ min: 1, max: (30 * DAY_MS) / 1000 }).map((s) => windowEnd(90 * DAY_MS + s * 1000)),
      fc.integer({ min: 1, max: (30 * DAY_MS) / 1000 }).map((s) => windowEnd(-s * 1000)),
      fc.constantFrom('2026-02-01', '2026/02/01T00:00:00Z', 'yesterday'),
    ),
    inside: fc.integer({ min: 0, max: 90 * 86_400 }).map((s) => windowEnd(s * 1000)),
    edge: constEdge(windowEnd(90 * DAY_MS + 1000), windowEnd(90 * DAY_MS)),
    boundary: 'ISO 8601, end not before start, at most 90 days apart',
    source: 'mock',
  },
];
