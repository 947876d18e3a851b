// Card Recharge and Card Withdraw (mock/RULES.md §Cards, "Card Recharge / Card Withdraw"). A recharge moves money
// from the acting account's issuing balance in the card currency onto the card; a withdrawal moves it back, after
// the product's withdrawal fee is charged to that balance. Both answer the card order they create. The request's
// amount is in the card currency's minor unit, as the page says (1000 is 10.00 SGD); balances, the card and the
// order hold major units.

import { fail } from '../../errors.ts';
import type { Balance, Card, Product } from '../../state/types.ts';
import { round2 } from '../../state/world.ts';
import { type OpContext, type OpHandler, ok } from '../context.ts';
import { requiredNumber, uuid } from '../fields.ts';
import { resolveCard } from '../lookup.ts';
import { newOrder, renderOrder } from '../render.ts';
import { isExpired, minorUnitAmount, refuseOneTime, requireActive, restrictedProduct } from './card-checks.ts';

export const cardRecharge: OpHandler = (ctx) => {
  const { card, minor, product } = fundsRequest(ctx);
  if (!product.rechargeOpen) throw fail('card.b.product_not_opened');
  if (product.modeType === 'SHARE') throw fail('card.b.the_card_currently_does_not_support_recharge');
  const amount = minorUnitAmount(minor, card.currency);
  if (amount === null) throw fail('card.b.recharge_amount_is_invalid');
  const balance = issuingBalance(ctx, card);
  if (balance.available < amount) throw fail('card.b.insufficient_balance');
  if (card.issuerFailing) throw fail('card.b.card_recharge_is_error');

  ctx.world.moveBalance(balance, -amount, 'CARD_RECHARGE', `Recharge of card ${card.id}`);
  card.available = round2(card.available + amount);
  const order = renderOrder(newOrder(ctx.world, card, 'CARD_RECHARGE', amount));
  ctx.world.events.emit('card.recharge.succeeded', order.card_order_id, order);
  return ok(order);
};

export const cardWithdraw: OpHandler = (ctx) => {
  const { card, minor, product } = fundsRequest(ctx);
  if (product.modeType === 'SHARE') throw fail('card.b.card_withdraw_not_support');
  if (!product.withdrawEnabled) throw fail('card.b.the_card_currently_does_not_support_withdraw');
  const amount = minorUnitAmount(minor, card.currency);
  if (amount === null) throw fail('card.b.withdraw_amount_is_invalid');
  if (amount > card.available) throw fail('card.b.card_available_limit_insufficient');
  const balance = issuingBalance(ctx, card);
  // The fee is taken from the balance before the withdrawn amount reaches it.
  if (balance.available < product.withdrawFee) throw fail('card.b.insufficient_balance');

  if (product.withdrawFee > 0) {
    ctx.world.moveBalance(balance, -product.withdrawFee, 'FEE', `Withdrawal fee, card ${card.id}`);
  }
  ctx.world.moveBalance(balance, amount, 'CARD_WITHDRAW', `Withdrawal from card ${card.id}`);
  card.available = round2(card.available - amount);
  const order = renderOrder(newOrder(ctx.world, card, 'CARD_WITHDRAW', amount));
  ctx.world.events.emit('card.withdraw.succeeded', order.card_order_id, order);
  return ok(order);
};

/** The checks both operations share, in the documented order, after the request's shape. */
function fundsRequest(ctx: OpContext): { card: Card; minor: number; product: Product } {
  const cardId = uuid(ctx.params.card_id ?? '', 'card_id');
  const minor = requiredNumber(ctx.body, 'amount');
  const card = resolveCard(ctx, cardId);
  refuseOneTime(card);
  requireActive(card);
  if (isExpired(ctx, card)) throw fail('card.b.invalid_expiry_date');
  return { card, minor, product: restrictedProduct(ctx, card) };
}

/** The acting account's issuing balance in the card currency; a frozen or closed one cannot be used either. */
function issuingBalance(ctx: OpContext, card: Card): Balance {
  const balance = ctx.world.balanceOf(ctx.account.id, card.currency);
  if (balance?.status !== 'ACTIVE') throw fail('card.b.account_balance_not_exists');
  return balance;
}
