// Update Card Status. Minimal success path; the rules of mock/RULES.md §Update Card Status are still to come.

import { type OpHandler, ok } from '../context.ts';
import { requiredString } from '../fields.ts';
import { cardFromPath } from '../lookup.ts';
import { newOrder } from '../render.ts';

export const updateCardStatus: OpHandler = (ctx) => {
  const card = cardFromPath(ctx);
  const status = requiredString(ctx.body, 'card_status');
  card.status = status === 'CANCELLED' ? 'PRE_CANCEL' : (status as typeof card.status);
  const order = newOrder(ctx.world, card, 'CARD_UPDATE', 0);
  return ok({ card_id: card.id, card_order_id: order.id, order_status: order.status, update_reason: null });
};
