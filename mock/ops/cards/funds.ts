// Card Recharge and Card Withdraw. Minimal success paths; the rules of mock/RULES.md are still to come.

import { round2 } from '../../state/world.ts';
import { type OpHandler, ok } from '../context.ts';
import { requiredNumber } from '../fields.ts';
import { cardFromPath } from '../lookup.ts';
import { newOrder, renderOrder } from '../render.ts';

export const cardRecharge: OpHandler = (ctx) => {
  const card = cardFromPath(ctx);
  const amount = requiredNumber(ctx.body, 'amount');
  card.available = round2(card.available + amount);
  return ok(renderOrder(newOrder(ctx.world, card, 'CARD_RECHARGE', amount)));
};

export const cardWithdraw: OpHandler = (ctx) => {
  const card = cardFromPath(ctx);
  const amount = requiredNumber(ctx.body, 'amount');
  card.available = round2(card.available - amount);
  return ok(renderOrder(newOrder(ctx.world, card, 'CARD_WITHDRAW', amount)));
};
