// The two rows every {card_id} operation shares: a well-formed id that exists nowhere, and the id of another
// account's card. The valid twin sends the same request for a card of the account.

import type { OperationName } from '../../catalog/ids.ts';
import type { RequestSpec } from '../../contract/request.ts';
import { newCard, sharedActiveCard } from '../arrange.ts';
import type { Scenario, ScenarioContext } from '../types.ts';

interface CardIdOperation {
  operation: OperationName;
  body?: Record<string, unknown>;
  /** True when the valid request changes the card (or is limited per card), so it needs a card of its own. */
  fresh: boolean;
}

const OPERATIONS: readonly CardIdOperation[] = [
  { operation: 'Update Card', body: { metadata: { purpose: 'conformance' } }, fresh: true },
  { operation: 'Retrieve Card', fresh: false },
  {
    operation: 'Update Card Status',
    body: { card_status: 'FROZEN', update_reason: 'conformance check' },
    fresh: true,
  },
  // Both are limited per card, and other scenarios call them: a card of its own keeps the twin clear of the limit.
  { operation: 'Retrieve Sensitive Card Details', fresh: true },
  { operation: 'Create PAN Token', fresh: true },
  { operation: 'Card Recharge', body: { amount: 1 }, fresh: true },
  { operation: 'Card Withdraw', body: { amount: 1 }, fresh: true },
];

const FAULTS = [
  {
    entry: 'card.card_not_found',
    fault: 'card id that exists nowhere',
    cardId: async (ctx: ScenarioContext) => ctx.data.uuid(),
  },
  {
    entry: 'card.b.card_does_not_exists',
    fault: "another account's card",
    cardId: async (ctx: ScenarioContext) => (await ctx.fixtures.card('foreign')).id,
  },
] as const;

function request(op: CardIdOperation, cardId: string): RequestSpec {
  const spec: RequestSpec = { operation: op.operation, params: { card_id: cardId } };
  if (op.body) spec.body = op.body;
  return spec;
}

export const cardIdRowScenarios: Scenario[] = FAULTS.flatMap(({ entry, fault, cardId }) =>
  OPERATIONS.map(
    (op): Scenario => ({
      entry,
      operation: op.operation,
      fault,
      provoke: async (ctx) => ({
        faulty: request(op, await cardId(ctx)),
        twin: request(op, op.fresh ? await newCard(ctx) : await sharedActiveCard(ctx)),
      }),
    }),
  ),
);
