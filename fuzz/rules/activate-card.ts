// Activate Card rules: the mailer's activation code, and the optional no-PIN payment amount's type, sign, precision
// and maximum. Each base is a physical card from the pool, assigned and not yet activated.

import fc from 'fast-check';
import type { RequestSpec } from '../../contract/request.ts';
import type { ScenarioContext } from '../../generators/types.ts';
import { validRequest } from '../../generators/valid-requests.ts';
import { money, threeDecimals } from '../values.ts';
import { Taken } from './taken.ts';
import { constEdge, type Disagreement, type Rule } from './types.ts';

const OP = 'Activate Card';
/** The standard product's no-PIN maximum for SGD in the mock; the page does not say. */
const NO_PIN_MAX_SGD = 2000;
const codes = new Taken();

async function unactivatedCard(ctx: ScenarioContext): Promise<RequestSpec> {
  const spec = await validRequest(ctx, OP);
  codes.add((spec.body as { activation_code: string }).activation_code);
  return spec;
}

/** The code with its last digit moved by `offset` (0: the code itself). */
function shifted(code: string, offset: number): string {
  const last = Number(code.slice(-1));
  return `${code.slice(0, -1)}${Number.isNaN(last) ? 'x' : (last + offset) % 10}`;
}

const MINOR_UNITS: Disagreement = {
  follows:
    'the mock: a JSON number in major units with at most the currency’s 2 decimals (the same amount Update Card takes)',
  others:
    'the page’s remediation for invalid_no_pin_payment_amount_precision says to send an integer in the minor unit; the SDKs send a number in major units (default 200 SGD)',
  sources: [
    'catalog/source/card-issuance-errors.zh.txt: Invalid no pin payment amount precision (以最小单位的整数发送)',
    '/work/shared/reference/uqpay-api.md §5.7 (ActivateCardRequest.java; Python SDK)',
  ],
};

const noPin = (rule: Omit<Rule, 'operation' | 'field' | 'base'>): Rule => ({
  operation: OP,
  field: 'body:no_pin_payment_amount',
  base: unactivatedCard,
  twinRuns: 5,
  ...rule,
});

export const ACTIVATE_CARD_RULES: Rule[] = [
  {
    entry: 'card.b.invalid_activation_code',
    operation: OP,
    subject: 'activation_code',
    field: 'body:activation_code',
    base: unactivatedCard,
    outside: fc.integer({ min: 1, max: 9 }),
    inside: fc.constant(0),
    derive: (offset, base) => shifted((base.body as { activation_code: string }).activation_code, offset as number),
    edge: {
      outside: 1,
      inside: 0,
      isOutside: (v) => !codes.has(v) && codes.nextTo(v) !== undefined,
      toInside: (v) => codes.nextTo(v),
      isInside: (v) => codes.has(v),
      toOutside: (v) => shifted(v as string, 1),
    },
    boundary: "the code on the card's mailer, exactly (one digit off is refused)",
    source: 'page',
    runs: 9,
    twinRuns: 5,
  },
  noPin({
    entry: 'card.b.no_pin_payment_amount_failed',
    subject: 'no_pin_payment_amount a number',
    outside: fc.oneof(money(0, 500).map(String), fc.constantFrom<unknown>(true, 'abc', [], {})),
    inside: money(0, NO_PIN_MAX_SGD),
    edge: constEdge('200', 200),
    boundary: 'a JSON number (a numeric string is refused)',
    source: 'mock',
  }),
  noPin({
    entry: 'card.b.negative_no_pin_payment_amount',
    subject: 'no_pin_payment_amount sign',
    outside: money(0.01, 1000).map((m) => -m),
    inside: money(0, NO_PIN_MAX_SGD),
    edge: constEdge(-0.01, 0),
    boundary: 'not negative',
    source: 'page',
  }),
  noPin({
    entry: 'card.b.invalid_no_pin_payment_amount_precision',
    subject: 'no_pin_payment_amount precision (SGD)',
    outside: threeDecimals(NO_PIN_MAX_SGD),
    inside: money(0, NO_PIN_MAX_SGD),
    edge: constEdge(1.005, 1.01),
    boundary: 'at most the currency’s minor-unit digits (2 for SGD)',
    source: 'mock',
    disagreement: MINOR_UNITS,
  }),
  noPin({
    entry: 'card.b.invalid_no_pin_payment_amount_for_the_current_currency',
    subject: 'no_pin_payment_amount maximum (SGD)',
    outside: money(NO_PIN_MAX_SGD + 0.01, 1_000_000),
    inside: money(0, NO_PIN_MAX_SGD),
    edge: constEdge(NO_PIN_MAX_SGD + 0.01, NO_PIN_MAX_SGD),
    boundary: `at most the product's no-PIN maximum (${NO_PIN_MAX_SGD} SGD on the mock's standard product)`,
    source: 'mock',
  }),
];
