// Scenarios for the card reads: Retrieve Card, List Cards, Retrieve Sensitive Card Details, Create PAN Token and
// Retrieve Card Order, plus the {card_id} rows on those of them that take a card id.

import { frozenCard, newCard, sharedActiveCard, sharedCardholder } from '../arrange.ts';
import { byCard } from '../requests.ts';
import type { Scenario } from '../types.ts';

export const cardReadScenarios: Scenario[] = [
  {
    entry: 'card.b.card_retrieve_error',
    operation: 'Retrieve Card',
    fault: 'card whose issuer data is not synced',
    provoke: async (ctx) => ({
      faulty: byCard('Retrieve Card', (await ctx.fixtures.card('syncing')).id),
      twin: byCard('Retrieve Card', await sharedActiveCard(ctx)),
    }),
  },
  {
    entry: 'card.b.card_retrieve_error',
    operation: 'Retrieve Sensitive Card Details',
    fault: 'card whose issuer data is not synced',
    provoke: async (ctx) => ({
      faulty: byCard('Retrieve Sensitive Card Details', (await ctx.fixtures.card('syncing')).id),
      twin: byCard('Retrieve Sensitive Card Details', await newCard(ctx)),
    }),
  },
  {
    entry: 'card.b.the_card_is_failed',
    operation: 'Retrieve Card',
    fault: 'card whose issuer-side creation failed',
    provoke: async (ctx) => ({
      faulty: byCard('Retrieve Card', (await ctx.fixtures.card('failed')).id),
      twin: byCard('Retrieve Card', await sharedActiveCard(ctx)),
    }),
  },
  {
    entry: 'card.b.card_holder_not_exists_or_is_illegal',
    operation: 'Retrieve Card',
    fault: 'card whose cardholder was deactivated',
    provoke: async (ctx) => ({
      faulty: byCard('Retrieve Card', (await ctx.fixtures.card('orphaned')).id),
      twin: byCard('Retrieve Card', await sharedActiveCard(ctx)),
    }),
  },
  {
    entry: 'card.b.cardholder_not_found_or_deactivated',
    operation: 'List Cards',
    fault: 'cardholder_id filter of a deactivated cardholder',
    provoke: async (ctx) => ({
      faulty: { operation: 'List Cards', query: { cardholder_id: await ctx.fixtures.cardholder('deactivated') } },
      twin: { operation: 'List Cards', query: { cardholder_id: await sharedCardholder(ctx) } },
    }),
  },
  ...(['Create PAN Token', 'Retrieve Sensitive Card Details'] as const).map(
    (operation): Scenario => ({
      entry: 'card.status_not_supported',
      operation,
      fault: 'frozen card',
      provoke: async (ctx) => ({
        faulty: byCard(operation, await frozenCard(ctx)),
        twin: byCard(operation, await newCard(ctx)),
      }),
    }),
  ),
  ...(['Create PAN Token', 'Retrieve Sensitive Card Details'] as const).map(
    (operation): Scenario => ({
      entry: 'card.b.request_is_too_frequent',
      operation,
      fault: 'more calls per card than the per-card limit allows',
      provoke: async (ctx) => {
        const cardId = await newCard(ctx);
        // The per-card limit is a few calls in a short window; exhaust it, then the next call is refused.
        for (let i = 0; i < 3; i++) await ctx.arrange(byCard(operation, cardId));
        return { faulty: byCard(operation, cardId), twin: byCard(operation, await newCard(ctx)) };
      },
    }),
  ),
  {
    entry: 'card.b.card_order_is_not_exists',
    operation: 'Retrieve Card Order',
    fault: 'order id that exists nowhere',
    provoke: async (ctx) => {
      const cardId = await newCard(ctx);
      const order = await ctx.arrange({
        operation: 'Card Recharge',
        params: { card_id: cardId },
        body: { amount: 1 },
      });
      return {
        faulty: { operation: 'Retrieve Card Order', params: { card_order_id: ctx.data.uuid() } },
        twin: { operation: 'Retrieve Card Order', params: { card_order_id: String(order.card_order_id) } },
      };
    },
  },
];
