// Issuing is asynchronous on the real platform (uqpay-api.md §7, lifecycle): Create Card and Assign Card answer
// card PENDING with order PROCESSING, and the card and its order settle together later — ACTIVE + SUCCESS, or FAILED
// + FAILED — followed by a card.create.succeeded / card.create.failed event. The mock settles after
// options.settleMs on its clock; whether a card fails is decided at once, from the seed and the product's failure
// share, so a replayed run fails the same cards whatever the timing.

import type { Balance, Card, CardOrder, Product } from '../../state/types.ts';
import type { World } from '../../state/world.ts';
import type { OpContext } from '../context.ts';
import { renderCard } from '../render.ts';

export interface Issue {
  card: Card;
  order: CardOrder;
  product: Product;
  /** The issuing balance debited for the card's initial limit, and how much, refunded if issuing fails. */
  debited?: { balance: Balance; amount: number };
}

/** Puts a just-issued card and its order in flight and schedules their settlement. */
export function issueAsynchronously(ctx: OpContext, issue: Issue): void {
  const { card, order, product } = issue;
  const share = product.issueFailureShare;
  const fails = share > 0 && ctx.world.faker.number.float({ min: 0, max: 1 }) < share;
  card.status = 'PENDING';
  order.status = 'PROCESSING';
  order.completedAt = null;
  ctx.world.settlements.schedule(ctx.options.settleMs, () => settle(ctx.world, issue, fails));
}

function settle(world: World, issue: Issue, fails: boolean): void {
  const { card, order, product, debited } = issue;
  if (card.status !== 'PENDING') return;
  order.completedAt = world.now();
  if (fails) {
    card.status = 'FAILED';
    order.status = 'FAILED';
    card.available = 0;
    product.subBinInventory += 1;
    if (debited) world.moveBalance(debited.balance, debited.amount, 'CARD_WITHDRAW', `Card ${card.id} not issued`);
    world.events.emit('card.create.failed', order.id, renderCard(world, card));
    return;
  }
  card.status = 'ACTIVE';
  order.status = 'SUCCESS';
  world.events.emit('card.create.succeeded', order.id, renderCard(world, card));
}
