// Rules on the request as a whole and on the simulator: a body that is not JSON (params_json_error), a field of the
// wrong JSON type (request_parameters_invalid), the simulator's channel on Simulate Reversal, a transaction currency
// other than the card's, and an amount above the card's PER_TRANSACTION control.

import fc from 'fast-check';
import type { RequestSpec } from '../../contract/request.ts';
import { newCard } from '../../generators/arrange.ts';
import { authorization } from '../../generators/requests.ts';
import type { ScenarioContext } from '../../generators/types.ts';
import { ABSENT, money } from '../values.ts';
import { channelRule } from './general.ts';
import { constEdge, type Rule } from './types.ts';

const PER_TRANSACTION_CAP = 10;
const JSON_TYPES = ['application/json', 'application/json; charset=utf-8'];
const NOT_JSON_TYPES = ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'text/json'];

/** A simulated authorization on a card of its own whose PER_TRANSACTION control is PER_TRANSACTION_CAP. */
async function cappedAuthorization(ctx: ScenarioContext): Promise<RequestSpec> {
  const cardId = await ctx.shared.once('fuzz-capped-card', () =>
    newCard(ctx, {
      limit: 1000,
      extra: { spending_controls: [{ interval: 'PER_TRANSACTION', amount: PER_TRANSACTION_CAP }] },
    }),
  );
  return authorization(ctx, cardId);
}

export const REQUEST_RULES: Rule[] = [
  {
    entry: 'general.b.params_json_error',
    operation: 'Retrieve Issuing Balance',
    subject: 'content-type',
    field: 'header:content-type',
    outside: fc.constantFrom(...NOT_JSON_TYPES),
    inside: fc.constantFrom(...JSON_TYPES),
    edge: constEdge('text/json', 'application/json'),
    boundary: 'a JSON content type (application/json, with or without parameters)',
    source: 'mock',
    twinRuns: 4,
  },
  {
    entry: 'general.b.request_parameters_invalid',
    operation: 'Card Recharge',
    subject: 'amount a JSON number',
    field: 'body:amount',
    outside: fc.oneof(
      fc.integer({ min: 1, max: 10_000 }).map(String),
      fc.constantFrom<unknown>(ABSENT, '10.00', true, [], {}),
    ),
    inside: fc.integer({ min: 1, max: 100 }),
    edge: constEdge('100', 100),
    boundary: 'amount present and a JSON number (a numeric string such as "10.00" is refused)',
    source: 'sdk',
    disagreement: {
      follows: 'the SDKs’ request types (amount: number)',
      others: 'the Python SDK’s integration tests and the CLI skill docs send string amounts such as "10.00"',
      sources: [
        '/work/shared/reference/uqpay-api.md §5.6 ([P] _card_recharge_params.py; [J] CardOrderRequest.java)',
        '/work/shared/reference/uqpay-api.md §5.6 ([P] integration tests, [C] skill docs)',
      ],
    },
    twinRuns: 5,
  },
  channelRule('Simulate Reversal'),
  {
    entry: 'transaction.b.card_authorize_transaction_is_error',
    operation: 'Simulate Authorization',
    subject: "transaction_currency the card's",
    field: 'body:transaction_currency',
    outside: fc
      .oneof(fc.constantFrom('USD', 'EUR', 'SGX'), fc.stringMatching(/^[A-Z]{3}$/u))
      .filter((c) => c !== 'SGD'),
    inside: fc.constant('SGD'),
    edge: constEdge('USD', 'SGD'),
    boundary: "the card's currency (SGD on the rule's card)",
    source: 'page',
    twinRuns: 4,
  },
  {
    entry: 'transaction.b.restrict_config_error',
    operation: 'Simulate Authorization',
    subject: "transaction_amount within the card's PER_TRANSACTION control",
    field: 'body:transaction_amount',
    base: cappedAuthorization,
    outside: money(PER_TRANSACTION_CAP + 0.01, 500),
    inside: money(0.01, PER_TRANSACTION_CAP),
    edge: constEdge(PER_TRANSACTION_CAP + 0.01, PER_TRANSACTION_CAP),
    boundary: `at most the card's PER_TRANSACTION amount (${PER_TRANSACTION_CAP} on the rule's card; equal is accepted)`,
    source: 'mock',
    twinRuns: 5,
  },
];
