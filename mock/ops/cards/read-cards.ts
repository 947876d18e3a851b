// Reading cards: List Cards, Retrieve Card, Retrieve Sensitive Card Details, Create PAN Token, Retrieve Card Order.

import { fail } from '../../errors.ts';
import type { Card } from '../../state/types.ts';
import { type OpContext, type OpHandler, ok } from '../context.ts';
import { page, pagination, queryString, uuid } from '../fields.ts';
import { cardFromPath } from '../lookup.ts';
import { renderCard, renderOrder } from '../render.ts';

const CARD_STATUSES = new Set(['PENDING', 'ACTIVE', 'FROZEN', 'BLOCKED', 'PRE_CANCEL', 'CANCELLED', 'FAILED']);

export const listCards: OpHandler = (ctx) => {
  const paging = pagination(ctx.query);
  const cardholderId = queryString(ctx.query, 'cardholder_id');
  const status = queryString(ctx.query, 'card_status');
  const cardNumber = queryString(ctx.query, 'card_number');
  if (status !== undefined && !CARD_STATUSES.has(status))
    throw fail('general.invalid_request_error', { message: 'card_status: must be a card status' });
  if (cardholderId !== undefined) {
    const holder = ctx.world.cardholders.get(uuid(cardholderId, 'cardholder_id'));
    if (!holder || holder.accountId !== ctx.account.id || !holder.active) {
      throw fail('card.b.cardholder_not_found_or_deactivated');
    }
  }
  const cards = [...ctx.world.cards.values()]
    .filter((c) => c.accountId === ctx.account.id)
    .filter((c) => cardholderId === undefined || c.cardholderId === cardholderId.toLowerCase())
    .filter((c) => status === undefined || c.status === status)
    .filter((c) => cardNumber === undefined || c.pan === cardNumber)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return ok(page(cards, paging, (c) => renderCard(ctx.world, c)));
};

export const retrieveCard: OpHandler = (ctx) => {
  const card = cardFromPath(ctx);
  if (card.syncing) throw fail('card.b.card_retrieve_error');
  if (card.status === 'FAILED') throw fail('card.b.the_card_is_failed');
  const holder = ctx.world.cardholders.get(card.cardholderId);
  if (!holder?.active) throw fail('card.b.card_holder_not_exists_or_is_illegal');
  return ok(renderCard(ctx.world, card));
};

export const retrieveSensitiveCardDetails: OpHandler = (ctx) => {
  const card = cardFromPath(ctx);
  limitPerCard(ctx, card);
  if (card.syncing) throw fail('card.b.card_retrieve_error');
  requireUsable(card);
  const expiry = card.expiresAt;
  return ok({
    card_number: card.pan,
    cvv: card.cvv,
    expire_date: `${String(expiry.getUTCMonth() + 1).padStart(2, '0')}/${String(expiry.getUTCFullYear()).slice(2)}`,
  });
};

export const createPanToken: OpHandler = (ctx) => {
  const card = cardFromPath(ctx);
  limitPerCard(ctx, card);
  requireUsable(card);
  const token = `pan_${ctx.world.faker.string.alphanumeric(40)}`;
  const expiresAt = new Date(ctx.world.now().getTime() + 60_000);
  ctx.world.panTokens.set(token, { token, cardId: card.id, expiresAt, used: false });
  return ok({ token, expires_in: 60, expires_at: expiresAt.toISOString() });
};

export const retrieveCardOrder: OpHandler = (ctx) => {
  const id = uuid(ctx.params.card_order_id ?? '', 'card_order_id');
  const order = ctx.world.orders.get(id);
  if (!order || order.accountId !== ctx.account.id) throw fail('card.b.card_order_is_not_exists');
  return ok(renderOrder(order));
};

/** Sensitive endpoints are limited per card and operation (429, envelope B, Retry-After). */
function limitPerCard(ctx: OpContext, card: Card): void {
  const { limit, windowMs } = ctx.options.perCardLimit;
  const wait = ctx.limiter.hit(`${ctx.op.id}:${card.id}`, limit, windowMs);
  if (wait !== null) throw fail('card.b.request_is_too_frequent', {}, { 'retry-after': String(wait) });
}

/** PAN and secure details need an ACTIVE card that has been activated. */
function requireUsable(card: Card): void {
  if (card.status !== 'ACTIVE' || !card.activated) throw fail('card.status_not_supported');
}
