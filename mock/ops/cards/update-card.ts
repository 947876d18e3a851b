// Update Card (mock/RULES.md §Cards, "Update Card"): limits, no-PIN amount, spending and risk controls, metadata.
// The rules run in the documented order; the changes apply only when every rule passes.

import { fail } from '../../errors.ts';
import type { Card, Product, RiskControls } from '../../state/types.ts';
import { round2 } from '../../state/world.ts';
import { type OpHandler, ok } from '../context.ts';
import { decimals, uuid } from '../fields.ts';
import { resolveCard } from '../lookup.ts';
import { newOrder } from '../render.ts';
import { isExpired, refuseOneTime, requireActive, restrictedProduct } from './card-checks.ts';
import { readUpdateCardBody, type UpdateCardBody } from './update-card-body.ts';

const INTERVALS = new Set(['PER_TRANSACTION', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'ALL_TIME']);
const METADATA_MAX_BYTES = 3200;
/** SGD and USD, the only card currencies, have two decimals. */
const CURRENCY_DECIMALS = 2;

export const updateCard: OpHandler = (ctx) => {
  const cardId = uuid(ctx.params.card_id ?? '', 'card_id');
  const body = readUpdateCardBody(ctx.body);
  const card = resolveCard(ctx, cardId);
  refuseOneTime(card);
  if (isExpired(ctx, card)) throw fail('card.b.the_card_has_expired');
  requireActive(card);
  const product = restrictedProduct(ctx, card);
  checkMetadata(body.metadata);
  checkControls(body, product);
  checkLimits(body, card, product);
  const noPin = checkNoPin(body.noPinPaymentAmount, card, product);
  if (card.issuerFailing) throw fail('card.b.update_card_error');

  apply(body, card, noPin);
  const order = newOrder(ctx.world, card, 'CARD_UPDATE', 0);
  return ok({ card_id: card.id, card_order_id: order.id, card_status: card.status, order_status: order.status });
};

function checkMetadata(metadata: Record<string, unknown> | undefined): void {
  if (metadata === undefined) return;
  if (Object.values(metadata).some((value) => typeof value !== 'string')) throw fail('card.b.metadata_is_invalid');
  if (Buffer.byteLength(JSON.stringify(metadata), 'utf8') > METADATA_MAX_BYTES)
    throw fail('card.b.metadata_is_invalid');
}

function checkControls(body: UpdateCardBody, product: Product): void {
  // PER_TRANSACTION amounts have their own entry below; a negative amount on any other interval is malformed.
  const malformed = (body.spendingControls ?? []).some(
    (c) => !INTERVALS.has(c.interval) || (c.interval !== 'PER_TRANSACTION' && c.amount < 0),
  );
  if (malformed) throw fail('card.b.spending_controls_is_error');
  const risk = body.riskControls;
  if (risk?.allowed_mcc && risk.blocked_mcc) throw fail('card.b.risk_control_setting_is_not_allowed');
  const permitted = product.permittedMccs;
  if (permitted && risk?.allowed_mcc?.some((mcc) => !permitted.includes(mcc))) {
    throw fail('card.b.restrict_config_error');
  }
}

/**
 * card_limit only moves on SHARE-mode cards (a SINGLE card's limit is its balance). The limit must stay above the
 * PER_TRANSACTION control (the one sent, else the card's) and the amount already spent.
 */
function checkLimits(body: UpdateCardBody, card: Card, product: Product): void {
  const { cardLimit, spendingControls } = body;
  if (cardLimit !== undefined) {
    if (product.modeType === 'SINGLE') throw fail('card.b.the_single_card_not_support_changing_card_limits');
    if (cardLimit <= 0) throw fail('card.b.failed_update_card_limit_should_be_greater_than_0');
  }
  const perTransaction = (spendingControls ?? card.spendingControls).find((c) => c.interval === 'PER_TRANSACTION');
  if (spendingControls && perTransaction && perTransaction.amount <= 0) {
    throw fail('card.b.failed_update_your_transaction_limit_should_be_greater_than_0');
  }
  if (product.modeType !== 'SHARE' || (cardLimit === undefined && spendingControls === undefined)) return;
  const limit = cardLimit ?? card.limit;
  if (perTransaction && limit < perTransaction.amount) {
    throw fail('card.b.failed_update_card_limit_should_be_greater_than_per_transaction');
  }
  if (cardLimit !== undefined && cardLimit < card.used) {
    throw fail('card.b.update_card_limit_is_less_than_the_amount_of_used_card');
  }
}

function checkNoPin(raw: unknown, card: Card, product: Product): number | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0 || decimals(raw) > CURRENCY_DECIMALS) {
    throw fail('card.b.no_pin_payment_amount_failed');
  }
  const maximum = product.noPinMaximum?.[card.currency];
  if (maximum === undefined) throw fail('card.b.the_no_pin_payment_amount_restrict_configuration_cannot_be_found');
  if (raw > maximum) throw fail('card.b.invalid_no_pin_payment_amount_for_the_current_currency');
  return raw;
}

function apply(body: UpdateCardBody, card: Card, noPin: number | undefined): void {
  if (body.cardLimit !== undefined) {
    card.limit = body.cardLimit;
    card.available = round2(body.cardLimit - card.used);
  }
  if (noPin !== undefined) card.noPinPaymentAmount = noPin;
  if (body.spendingControls) card.spendingControls = body.spendingControls;
  if (body.riskControls) card.riskControls = mergeRisk(card.riskControls, body.riskControls);
  if (body.metadata) card.metadata = body.metadata as Record<string, string>;
}

/** Sent keys replace the card's; an allow list replaces a block list and the other way round. */
function mergeRisk(current: RiskControls, sent: RiskControls): RiskControls {
  const merged: RiskControls = { ...current, ...sent };
  if (sent.allowed_mcc) delete merged.blocked_mcc;
  if (sent.blocked_mcc) delete merged.allowed_mcc;
  return merged;
}
