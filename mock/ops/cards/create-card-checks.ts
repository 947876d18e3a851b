// The Create Card rules of mock/RULES.md that do not involve the cardholder, in the table's order: the product,
// then the card's own fields; after the cardholder rows, the quotas, the issuer and the issuing balance.

import { fail } from '../../errors.ts';
import type { Balance, Cardholder, Product } from '../../state/types.ts';
import type { OpContext } from '../context.ts';
import { decimals, isoDateTime } from '../fields.ts';
import type { NewCardRequest } from './create-card-request.ts';

const ISSUABLE_CURRENCIES = ['SGD', 'USD'];
const AUTO_CANCEL_TRIGGERS = ['ON_AUTH', 'ON_CAPTURE'];
const DAY_MS = 86_400_000;

/** The product the card would be issued on, and whether it may issue at all. */
export function productForNewCard(ctx: OpContext, productId: string): Product {
  const known = ctx.world.products.get(productId);
  if (!known) throw fail('card.product_not_found');
  const product = ctx.world.productFor(ctx.account, productId);
  if (!product) throw fail('card.b.not_found_card_products');
  if (product.status !== 'ENABLED') throw fail('card.product_not_found');
  if (!product.accountAuthorized) throw fail('card.operation_not_authorized');
  if (product.misconfigured) throw fail('card.b.card_product_is_error');
  if (!product.creationOpen) throw fail('card.b.the_card_product_currently_does_not_support_creation');
  if (!ctx.account.configuredBins.includes(product.bin)) throw fail('card.b.card_bin_not_config');
  // The table puts this cardholder-configuration row here, before the card fields, so it is judged here.
  if (product.requiredFields === null) throw fail('cardholder.bin_required_fields_not_configured');
  return product;
}

/** The card's own fields against the product. Returns the card form and expiry they settle on. */
export function checkCardFields(
  ctx: OpContext,
  product: Product,
  request: NewCardRequest,
): { form: Product['forms'][number]; expiresAt: Date } {
  const form = request.cardType ?? product.forms[0] ?? 'VIRTUAL';
  if (!product.forms.some((f) => f === form)) throw fail('card.b.invalid_card_type');
  if (!ISSUABLE_CURRENCIES.includes(request.currency)) throw fail('card.b.card_currency_is_not_support');
  if (!product.currencies.includes(request.currency)) throw fail('card.currency_not_allowed');
  if (request.limit < 0 || decimals(request.limit) > 2) throw fail('card.b.card_limit_is_illegal');
  if (request.limit < product.minLimit || request.limit > product.maxLimit) throw fail('card.limit_out_of_range');
  for (const control of request.spendingControls) {
    if (control.interval === 'PER_TRANSACTION' && control.amount > product.maxAuthorizationAmount) {
      throw fail('card.b.exceed_restrict_max_authorization_amount');
    }
  }
  if (request.riskControls.allowed_mcc && request.riskControls.blocked_mcc) throw fail('card.risk_control_not_allowed');
  if (request.usageType === 'ONE_TIME' && request.autoCancelTrigger === undefined) {
    throw fail('card.auto_cancel_trigger_cannot_be_empty');
  }
  if (request.autoCancelTrigger !== undefined && !AUTO_CANCEL_TRIGGERS.includes(request.autoCancelTrigger)) {
    throw fail('card.invalid_auto_cancel_trigger');
  }
  return { form: form as Product['forms'][number], expiresAt: expiryOf(ctx, product, request.expiryAt) };
}

function expiryOf(ctx: OpContext, product: Product, expiryAt: string | undefined): Date {
  const now = ctx.world.now().getTime();
  const latest = now + product.maxValidityDays * DAY_MS;
  if (expiryAt === undefined) {
    if (product.requiresExpiryAt) throw fail('card.expiry_at_cannot_be_empty');
    return new Date(latest);
  }
  const date = isoDateTime(expiryAt);
  if (!date || date.getTime() <= now || date.getTime() > latest) throw fail('card.invalid_expiry_at');
  return date;
}

/** A cardholder's foreign origin is answered before the cardholder rows, as the Cards table says. */
export function refuseForeignCardholder(ctx: OpContext, cardholderId: string | undefined): void {
  if (cardholderId === undefined) return;
  const holder = ctx.world.cardholders.get(cardholderId);
  if (holder && holder.accountId !== ctx.account.id) throw fail('card.b.card_holder_not_exists_or_is_illegal');
}

/** Per-product and account-wide caps; a one-step cardholder (null) holds no cards yet. */
export function checkQuotas(ctx: OpContext, product: Product, cardholder: Cardholder | null): void {
  const { world, account } = ctx;
  if (cardholder) {
    const ofProduct = world.countedCards((c) => c.cardholderId === cardholder.id && c.productId === product.id);
    if (ofProduct >= product.cardholderQuota) throw fail('card.cardholder_quota_exceeded');
    if (world.countedCards((c) => c.cardholderId === cardholder.id) >= account.cardholderCardCap) {
      throw fail('card.b.cardholder_card_quota_exceeded');
    }
  }
  if (world.countedCards((c) => c.accountId === account.id && c.productId === product.id) >= product.accountQuota) {
    throw fail('card.account_quota_exceeded');
  }
  if (world.countedCards((c) => c.accountId === account.id) >= account.cardCap) {
    throw fail('card.b.account_card_quota_exceeded');
  }
}

export function checkIssuer(product: Product): void {
  if (product.subBinInventory <= 0) throw fail('card.insufficient_sub_bin');
  if (product.issuerDown) throw fail('card.b.create_card_error');
}

/**
 * The issuing balance the card draws on. Every card needs a usable one in its currency; only a SINGLE-mode card is
 * funded from it at issue, so only there can the limit exceed it.
 */
export function issuingBalance(ctx: OpContext, product: Product, request: NewCardRequest): Balance {
  const balance = ctx.world.balanceOf(ctx.account.id, request.currency);
  if (balance && balance.status !== 'ACTIVE') throw fail('card.account_balance_error');
  if (!balance) throw fail('card.b.account_balance_not_exists');
  if (product.modeType === 'SINGLE' && request.limit > balance.available) throw fail('card.b.insufficient_balance');
  return balance;
}
