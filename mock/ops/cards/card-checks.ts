// Checks that Update Card, Update Card Status, Card Recharge and Card Withdraw share (mock/RULES.md §Cards). Each
// operation calls them in its own documented order, so they are small and independent.

import { fail } from '../../errors.ts';
import type { Card, Product } from '../../state/types.ts';
import type { OpContext } from '../context.ts';

export function isExpired(ctx: OpContext, card: Card): boolean {
  return card.expiresAt.getTime() <= ctx.world.now().getTime();
}

export function refuseOneTime(card: Card): void {
  if (card.usageType === 'ONE_TIME') throw fail('card.b.this_operation_cannot_be_performed_on_one_time_card');
}

export function requireActive(card: Card): void {
  if (card.status !== 'ACTIVE') throw fail('card.b.the_card_is_not_active');
}

/** The card's product with its restrict configuration: a withdrawn product, then a missing configuration. */
export function restrictedProduct(ctx: OpContext, card: Card): Product {
  const product = ctx.world.productFor(ctx.account, card.productId);
  if (!product) throw fail('card.b.not_found_card_products');
  if (!product.hasRestrictConfig) throw fail('card.b.not_found_product_restrict');
  return product;
}

/** Minor-unit digits per card currency (cents: 2 for SGD and USD). */
export const CURRENCY_DECIMALS: Readonly<Record<string, number>> = { SGD: 2, USD: 2 };

/**
 * A Card Recharge / Card Withdraw amount as the page gives it: a positive integer in the card currency's minor
 * unit (e.g. cents), returned in major units (what balances hold); null when it is not one. The SDKs and the docs'
 * examples send decimals such as "10.00" instead: mock/RULES.md §3 records the disagreement.
 */
export function minorUnitAmount(amount: number, currency: string): number | null {
  if (!Number.isSafeInteger(amount) || amount <= 0) return null;
  return amount / 10 ** (CURRENCY_DECIMALS[currency] ?? 2);
}
