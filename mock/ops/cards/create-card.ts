// Create Card. Minimal success path; the rules of mock/RULES.md §Create Card are still to come.

import { fail } from '../../errors.ts';
import { makeCard } from '../../state/factories.ts';
import { type OpHandler, ok } from '../context.ts';
import { optionalNumber, requiredString, requiredUuid } from '../fields.ts';
import { newOrder } from '../render.ts';

export const createCard: OpHandler = (ctx) => {
  const productId = requiredUuid(ctx.body, 'card_product_id');
  const cardholderId = requiredUuid(ctx.body, 'cardholder_id');
  const currency = requiredString(ctx.body, 'card_currency');
  const limit = optionalNumber(ctx.body, 'card_limit') ?? 0;
  const product = ctx.world.productFor(ctx.account, productId);
  if (!product) throw fail('card.product_not_found');
  const card = makeCard(
    ctx.world,
    { accountId: ctx.account.id, cardholderId, product },
    { currency, limit, available: limit },
  );
  const order = newOrder(ctx.world, card, 'CARD_CREATE', limit);
  return ok({
    card_id: card.id,
    card_order_id: order.id,
    create_time: card.createdAt.toISOString(),
    card_status: card.status,
    order_status: order.status,
  });
};
