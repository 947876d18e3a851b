// The card-state rows that Update Card, Card Recharge and Card Withdraw share: a one-time card, an expired card, a
// card that is not active, a card whose product was withdrawn and a card whose product lacks a restrict
// configuration. Each faulty request names such a card; its valid twin sends the same body to a new ACTIVE card.

import type { EntryId, OperationName } from '../../catalog/ids.ts';
import { frozenCard, newCard } from '../arrange.ts';
import { byCard } from '../requests.ts';
import type { Scenario, ScenarioContext } from '../types.ts';

/** Create Card extras for a one-time card (auto_cancel_trigger is required with ONE_TIME). */
export const ONE_TIME = { usage_type: 'ONE_TIME', auto_cancel_trigger: 'ON_AUTH' };

type CardOf = (ctx: ScenarioContext) => Promise<string>;

export function cardGuardScenarios(
  operation: OperationName,
  body: Record<string, unknown>,
  entries: { expired: EntryId },
): Scenario[] {
  const row = (entry: EntryId, fault: string, faultyCard: CardOf): Scenario => ({
    entry,
    operation,
    fault,
    provoke: async (ctx) => ({
      faulty: byCard(operation, await faultyCard(ctx), body),
      twin: byCard(operation, await newCard(ctx), body),
    }),
  });
  return [
    row('card.b.this_operation_cannot_be_performed_on_one_time_card', 'one-time card', (ctx) =>
      newCard(ctx, { extra: ONE_TIME }),
    ),
    row(entries.expired, 'expired card', async (ctx) => (await ctx.fixtures.card('expired')).id),
    row('card.b.the_card_is_not_active', 'frozen card', (ctx) => frozenCard(ctx)),
    row(
      'card.b.not_found_card_products',
      'card whose product is no longer available',
      async (ctx) => (await ctx.fixtures.card('product-withdrawn')).id,
    ),
    row('card.b.not_found_product_restrict', 'card of a product without restrict configuration', (ctx) =>
      newCard(ctx, { product: 'no-restrict-config' }),
    ),
  ];
}
