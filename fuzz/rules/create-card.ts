// Create Card rules on the card's own fields beyond cards.ts: card_limit against the product's range, a
// PER_TRANSACTION control against the product's maximum authorization amount, both MCC lists at once, a ONE_TIME card
// without its trigger, a product that requires expiry_at, and the content type the body step checks here.

import fc from 'fast-check';
import type { RequestSpec } from '../../contract/request.ts';
import { createCardBody } from '../../generators/arrange.ts';
import type { ScenarioContext } from '../../generators/types.ts';
import { ABSENT, Fresh, money } from '../values.ts';
import { absentEdge, constEdge, type Rule } from './types.ts';

const OP = 'Create Card';
const DAY_MS = 86_400_000;
/** The mock's standard products: card_limit in [0, 100000], authorizations up to 50000; the page gives no figure. */
const MAX_LIMIT = 100_000;
const MAX_AUTHORIZATION = 50_000;
const MAX_VALIDITY_DAYS = 3 * 365;

const onProduct =
  (product: 'shared' | 'requires-expiry') =>
  async (ctx: ScenarioContext): Promise<RequestSpec> => ({
    operation: OP,
    body: await createCardBody(ctx, { product }),
  });

const perTransaction = (amount: number) => [{ interval: 'PER_TRANSACTION', amount }];
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const mccs = fc.array(fc.stringMatching(/^\d{4}$/u), { minLength: 1, maxLength: 3 });
const fromNow = (days: number) =>
  new Fresh(`now +${days} days`, () => new Date(Date.now() + days * DAY_MS).toISOString());
const iso = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** Both MCC lists (outside) or one of them (inside), on Create Card or Update Card. */
export const bothMccLists = {
  outside: fc.tuple(mccs, mccs).map(([allowed_mcc, blocked_mcc]) => ({ allowed_mcc, blocked_mcc })),
  inside: fc.oneof(
    mccs.map((allowed_mcc) => ({ allowed_mcc })),
    mccs.map((blocked_mcc) => ({ blocked_mcc })),
  ),
  edge: {
    ...constEdge({ allowed_mcc: ['5734'], blocked_mcc: ['7995'] }, { blocked_mcc: ['7995'] }),
    isOutside: (v: unknown) => isObject(v) && 'allowed_mcc' in v && 'blocked_mcc' in v,
    toInside: (v: unknown) => ({ blocked_mcc: (v as Record<string, unknown>).blocked_mcc }),
    isInside: (v: unknown) => isObject(v) && 'allowed_mcc' in v !== 'blocked_mcc' in v,
    toOutside: (v: unknown) => ({ allowed_mcc: ['5734'], blocked_mcc: ['7995'], ...(v as Record<string, unknown>) }),
  },
};

export const CREATE_CARD_RULES: Rule[] = [
  {
    entry: 'card.limit_out_of_range',
    operation: OP,
    subject: "card_limit within the product's maximum",
    field: 'body:card_limit',
    base: onProduct('shared'),
    outside: money(MAX_LIMIT + 0.01, MAX_LIMIT * 100),
    inside: money(0, MAX_LIMIT),
    edge: constEdge(MAX_LIMIT + 0.01, MAX_LIMIT),
    boundary: `within the product's [min, max] (0–${MAX_LIMIT} on the mock's SHARE-mode product)`,
    source: 'mock',
    twinRuns: 10,
  },
  {
    entry: 'card.b.exceed_restrict_max_authorization_amount',
    operation: OP,
    subject: "PER_TRANSACTION amount within the product's maximum authorization",
    field: 'body:spending_controls',
    base: onProduct('shared'),
    outside: money(MAX_AUTHORIZATION + 0.01, MAX_AUTHORIZATION * 100).map(perTransaction),
    inside: money(0.01, MAX_AUTHORIZATION).map(perTransaction),
    edge: constEdge(perTransaction(MAX_AUTHORIZATION + 0.01), perTransaction(MAX_AUTHORIZATION)),
    boundary: `at most the product's maximum authorization amount (${MAX_AUTHORIZATION} on the mock's products)`,
    source: 'mock',
    twinRuns: 10,
  },
  {
    entry: 'card.risk_control_not_allowed',
    operation: OP,
    subject: 'allowed_mcc and blocked_mcc together',
    field: 'body:risk_controls',
    base: onProduct('shared'),
    ...bothMccLists,
    boundary: 'allowed_mcc or blocked_mcc, not both',
    source: 'mock',
    twinRuns: 10,
  },
  {
    entry: 'card.auto_cancel_trigger_cannot_be_empty',
    operation: OP,
    subject: 'auto_cancel_trigger of a ONE_TIME card present',
    field: 'body:auto_cancel_trigger',
    base: onProduct('shared'),
    context: () => ({ 'body:usage_type': 'ONE_TIME' }),
    outside: fc.constantFrom(ABSENT, ''),
    inside: fc.constantFrom('ON_AUTH', 'ON_CAPTURE'),
    edge: absentEdge(
      'ON_AUTH',
      (v) => v === 'ON_AUTH',
      () => 'ON_AUTH',
    ),
    boundary: 'required when usage_type is ONE_TIME (an empty string reads as absent)',
    source: 'page',
    runs: 5,
    twinRuns: 6,
  },
  {
    entry: 'card.expiry_at_cannot_be_empty',
    operation: OP,
    subject: 'expiry_at on a product that requires it',
    field: 'body:expiry_at',
    base: onProduct('requires-expiry'),
    outside: fc.constantFrom(ABSENT, ''),
    inside: fc.integer({ min: 1, max: MAX_VALIDITY_DAYS - 1 }).map(fromNow),
    edge: absentEdge(fromNow(30), iso, () => new Date(Date.now() + 30 * DAY_MS).toISOString()),
    boundary: "required by the product's configuration (the requires-expiry fixture)",
    source: 'page',
    runs: 5,
    twinRuns: 5,
  },
  {
    entry: 'card.b.content_type_is_not_supported_please_upload_the_correct_format',
    operation: OP,
    subject: 'content-type',
    field: 'header:content-type',
    base: onProduct('shared'),
    outside: fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'text/json'),
    inside: fc.constantFrom('application/json', 'application/json; charset=utf-8'),
    edge: constEdge('text/json', 'application/json'),
    boundary: 'a JSON content type (application/json, with or without parameters)',
    source: 'mock',
    twinRuns: 4,
  },
];
