// Rules that the lifecycle model also meets on its way, probed here at their boundary on a card of their own: a
// card_status users may not set, and a withdrawal above the card's balance.

import fc from 'fast-check';
import type { RequestSpec } from '../../contract/request.ts';
import { newCard } from '../../generators/arrange.ts';
import { byCard } from '../../generators/requests.ts';
import type { ScenarioContext } from '../../generators/types.ts';
import { constEdge, type Rule } from './types.ts';

const USER_SETTABLE = ['ACTIVE', 'FROZEN', 'CANCELLED'];
/** The card's balance, in the minor unit a withdrawal amount is given in (10.00 SGD). */
const BALANCE_CENTS = 1000;

/** A Card Withdraw request on a new card holding BALANCE_CENTS (SINGLE mode: its limit is its balance). */
async function fundedCard(ctx: ScenarioContext): Promise<RequestSpec> {
  return byCard('Card Withdraw', await newCard(ctx, { limit: BALANCE_CENTS / 100 }), {});
}

export const CARD_STATE_RULES: Rule[] = [
  {
    entry: 'card.b.card_status_is_invalid',
    operation: 'Update Card Status',
    subject: 'card_status a user may set',
    field: 'body:card_status',
    outside: fc
      .oneof(
        fc.constantFrom('BLOCKED', 'PENDING', 'PRE_CANCEL', 'FAILED', 'frozen', 'CANCEL', 'INACTIVE'),
        fc.string({ minLength: 1, maxLength: 12 }),
      )
      .filter((s) => !USER_SETTABLE.includes(s)),
    // FROZEN on the valid request's new ACTIVE card; ACTIVE there changes nothing.
    inside: fc.constantFrom('FROZEN', 'ACTIVE'),
    edge: constEdge('frozen', 'FROZEN'),
    boundary: 'ACTIVE, FROZEN or CANCELLED (the others are set by UQPAY or the lifecycle)',
    source: 'sdk',
    twinRuns: 4,
  },
  {
    entry: 'card.b.card_available_limit_insufficient',
    operation: 'Card Withdraw',
    subject: "amount within the card's balance",
    field: 'body:amount',
    base: fundedCard,
    outside: fc.integer({ min: BALANCE_CENTS + 1, max: BALANCE_CENTS * 1000 }),
    inside: fc.integer({ min: 1, max: BALANCE_CENTS }),
    edge: constEdge(BALANCE_CENTS + 1, BALANCE_CENTS),
    boundary: "at most the card's available balance (the whole balance is accepted)",
    source: 'page',
    twinRuns: 5,
  },
];
