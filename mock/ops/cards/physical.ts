// Physical cards after Assign Card: Activate Card (the mailer's code and a first PIN) and Reset Card PIN.
// Both name the card in the body, so unknown or foreign ids answer as they do on the {card_id} paths.

import { fail, invalidField } from '../../errors.ts';
import type { Card, Product } from '../../state/types.ts';
import { type OpContext, type OpHandler, ok } from '../context.ts';
import { decimals, requiredString, requiredUuid } from '../fields.ts';
import { productOfCard, resolveCard } from '../lookup.ts';
import { CURRENCY_DECIMALS } from './card-checks.ts';

export const activateCard: OpHandler = (ctx) => {
  const cardId = requiredUuid(ctx.body, 'card_id');
  const code = requiredString(ctx.body, 'activation_code');
  const pin = requiredPin(ctx);
  const card = resolveCard(ctx, cardId);
  if (card.expiresAt.getTime() <= ctx.world.now().getTime()) throw fail('card.b.the_card_has_expired');
  if (card.activated) throw fail('card.b.the_card_has_been_activated');
  if (code !== card.activationCode) throw fail('card.b.invalid_activation_code');
  const product = productOfCard(ctx, card);
  if (!product || product.misconfigured) throw fail('card.b.card_product_is_error');
  const noPinAmount = noPinPaymentAmount(ctx.body.no_pin_payment_amount, card, product);
  if (card.issuerFailing) throw fail('card.b.update_card_error');

  card.activated = true;
  card.pin = pin;
  if (noPinAmount !== undefined) card.noPinPaymentAmount = noPinAmount;
  return ok({ request_status: 'SUCCESS' });
};

export const resetCardPin: OpHandler = (ctx) => {
  const cardId = requiredUuid(ctx.body, 'card_id');
  const pin = requiredPin(ctx);
  const card = resolveCard(ctx, cardId);
  if (card.form === 'VIRTUAL') throw fail('card.virtual_card_pin_error');
  if (card.expiresAt.getTime() <= ctx.world.now().getTime()) throw fail('card.card_expired_error');
  if (card.status !== 'ACTIVE' || !card.activated) throw fail('card.status_not_supported');
  card.pin = pin;
  return ok({ request_status: 'SUCCESS' });
};

function requiredPin(ctx: OpContext): string {
  const pin = requiredString(ctx.body, 'pin');
  if (!/^\d{6}$/u.test(pin)) throw invalidField({ path: 'pin', rule: 'must be 6 digits' });
  return pin;
}

/** The optional no-PIN payment amount, by the Activate Card rules (a specific entry covers a non-number). */
function noPinPaymentAmount(value: unknown, card: Card, product: Product): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw fail('card.b.no_pin_payment_amount_failed');
  if (value < 0) throw fail('card.b.negative_no_pin_payment_amount');
  if (decimals(value) > (CURRENCY_DECIMALS[card.currency] ?? 2)) {
    throw fail('card.b.invalid_no_pin_payment_amount_precision');
  }
  const maximum = product.noPinMaximum?.[card.currency];
  if (maximum === undefined) throw fail('card.b.the_no_pin_payment_amount_restrict_configuration_cannot_be_found');
  if (value > maximum) throw fail('card.b.invalid_no_pin_payment_amount_for_the_current_currency');
  return value;
}
