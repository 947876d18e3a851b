// Finding the resources a request names, with the documented errors for ids that do not resolve.

import { fail } from '../errors.ts';
import type { Card, Cardholder, Product } from '../state/types.ts';
import type { OpContext } from './context.ts';
import { uuid } from './fields.ts';

/** A card of the acting account: unknown anywhere → card_not_found; another account's → Card does not exists. */
export function resolveCard(ctx: OpContext, id: string): Card {
  const card = ctx.world.cards.get(id);
  if (!card) throw fail('card.card_not_found');
  if (card.accountId !== ctx.account.id) throw fail('card.b.card_does_not_exists');
  return card;
}

export function cardFromPath(ctx: OpContext): Card {
  return resolveCard(ctx, uuid(ctx.params.card_id ?? '', 'card_id'));
}

/** The card's product as the acting account sees it; undefined when it is no longer available to the account. */
export function productOfCard(ctx: OpContext, card: Card): Product | undefined {
  return ctx.world.productFor(ctx.account, card.productId);
}

/** An active cardholder of the acting account, or cardholder_not_found. */
export function resolveCardholder(ctx: OpContext, id: string): Cardholder {
  const cardholder = ctx.world.cardholders.get(id);
  if (!cardholder || cardholder.accountId !== ctx.account.id || !cardholder.active) {
    throw fail('cardholder.cardholder_not_found');
  }
  return cardholder;
}
