// Scenarios for Update Card Status (mock/RULES.md §Cards, "Update Card Status"), except the {card_id} rows
// (card-id-rows.ts). Each request freezes, unfreezes or cancels, so every scenario builds its own cards.

import { frozenCard, newCard, setCardStatus } from '../arrange.ts';
import { byCard } from '../requests.ts';
import type { Scenario, ScenarioContext } from '../types.ts';

const OP = 'Update Card Status';

const status = (card_status: string, update_reason = 'conformance check') => ({ card_status, update_reason });

/** A card cancelled by the user: PRE_CANCEL while it settles. */
async function cancelledCard(ctx: ScenarioContext): Promise<string> {
  const cardId = await newCard(ctx);
  await setCardStatus(ctx, cardId, 'CANCELLED');
  return cardId;
}

export const cardStatusScenarios: Scenario[] = [
  {
    entry: 'card.b.update_reason_is_too_long',
    operation: OP,
    fault: 'update_reason of 101 characters',
    provoke: async (ctx) => {
      const cardId = await newCard(ctx);
      return {
        faulty: byCard(OP, cardId, status('FROZEN', 'r'.repeat(101))),
        twin: byCard(OP, cardId, status('FROZEN', 'r'.repeat(100))),
      };
    },
  },
  {
    entry: 'card.b.the_card_has_expired',
    operation: OP,
    fault: 'expired card',
    provoke: async (ctx) => ({
      faulty: byCard(OP, (await ctx.fixtures.card('expired')).id, status('FROZEN')),
      twin: byCard(OP, await newCard(ctx), status('FROZEN')),
    }),
  },
  {
    entry: 'card.b.card_status_is_invalid',
    operation: OP,
    fault: 'reactivating a cancelled card',
    provoke: async (ctx) => ({
      faulty: byCard(OP, await cancelledCard(ctx), status('ACTIVE')),
      twin: byCard(OP, await frozenCard(ctx), status('ACTIVE')),
    }),
  },
  {
    entry: 'card.b.the_card_currently_does_not_support_cancel',
    operation: OP,
    fault: 'cancelling a card already cancelled',
    provoke: async (ctx) => ({
      faulty: byCard(OP, await cancelledCard(ctx), status('CANCELLED')),
      twin: byCard(OP, await newCard(ctx), status('CANCELLED')),
    }),
  },
];
