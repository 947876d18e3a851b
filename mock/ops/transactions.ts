// Card transactions and the sandbox simulator: List Cards Transactions, Retrieve Cards Transaction, Simulate
// Authorization and Simulate Reversal (mock/RULES.md §Transactions and the simulator).

import { fail, invalidField } from '../errors.ts';
import { SIMULATOR_BIN } from '../state/factories.ts';
import type { Card, CardTransaction } from '../state/types.ts';
import { round2 } from '../state/world.ts';
import { type OpContext, type OpHandler, ok } from './context.ts';
import {
  decimals,
  optionalString,
  page,
  pagination,
  queryString,
  requiredNumber,
  requiredString,
  timeWindow,
  uuid,
} from './fields.ts';
import { resolveCard } from './lookup.ts';
import { renderTransaction } from './render.ts';

const CHANNELS = new Set(['VISA', 'MASTERCARD']);
/** The only merchant category code the sandbox simulator supports (docs/api-facts.md §5.12). */
const SIMULATOR_MCCS = new Set(['5734']);
const CURRENCY = /^[A-Z]{3}$/u;

export const listCardsTransactions: OpHandler = (ctx) => {
  const paging = pagination(ctx.query);
  const cardText = queryString(ctx.query, 'card_id');
  const cardId = cardText === undefined ? undefined : uuid(cardText, 'card_id');
  const { start, end } = timeWindow(ctx.query);
  const found = [...ctx.world.transactions.values()]
    .filter(
      (tx) =>
        tx.accountId === ctx.account.id &&
        (cardId === undefined || tx.cardId === cardId) &&
        (start === undefined || tx.createdAt >= start) &&
        (end === undefined || tx.createdAt <= end),
    )
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return ok(page(found, paging, (tx) => renderTransaction(ctx.world, tx)));
};

export const retrieveCardsTransaction: OpHandler = (ctx) => {
  const sent = ctx.params.transaction_id ?? '';
  const tx = ctx.world.transactions.get(uuid(sent, 'transaction_id'));
  if (!tx || tx.accountId !== ctx.account.id) throw fail('transaction.invalid_request_error', { values: { id: sent } });
  return ok(renderTransaction(ctx.world, tx));
};

export const simulateAuthorization: OpHandler = (ctx) => {
  const cardText = requiredString(ctx.body, 'card_id');
  const amount = requiredNumber(ctx.body, 'transaction_amount');
  const currency = requiredString(ctx.body, 'transaction_currency');
  const merchantName = requiredString(ctx.body, 'merchant_name');
  const mcc = requiredString(ctx.body, 'merchant_category_code');
  const channel = optionalString(ctx.body, 'channel');
  const cardId = uuid(cardText, 'card_id');
  if (amount <= 0 || decimals(amount) > 2) {
    throw invalidField({ path: 'transaction_amount', rule: 'must be greater than 0 with at most 2 decimals' });
  }
  if (!CURRENCY.test(currency))
    throw invalidField({ path: 'transaction_currency', rule: 'must be an ISO 4217 currency code' });

  simulatorPreconditions(ctx, channel);
  const card = resolveCard(ctx, cardId);
  // The simulator only knows cards on its own BIN; others read as not existing (docs/api-facts.md §5.12).
  if (!card.pan.startsWith(SIMULATOR_BIN)) throw fail('card.b.card_does_not_exists');
  if (!/^\d{4}$/u.test(mcc) || !SIMULATOR_MCCS.has(mcc)) throw fail('transaction.b.mcc_is_error');
  if (currency !== card.currency || card.status !== 'ACTIVE' || !card.activated) {
    throw fail('transaction.b.card_authorize_transaction_is_error');
  }
  const perTransaction = card.spendingControls.find((c) => c.interval === 'PER_TRANSACTION');
  if (blocksMcc(card, mcc) || (perTransaction && amount > perTransaction.amount)) {
    throw fail('transaction.b.restrict_config_error');
  }

  // Like a real issuer, an authorization above the card's available amount is declined, not refused.
  const approved = amount <= card.available;
  const tx = record(ctx, card, {
    type: 'AUTHORIZATION',
    status: approved ? 'APPROVED' : 'DECLINED',
    amount,
    mcc,
    merchantName,
    originalId: null,
  });
  if (approved) {
    card.available = round2(card.available - amount);
    card.used = round2(card.used + amount);
  }
  const rendered = renderTransaction(ctx.world, tx);
  ctx.world.events.emit('issuing.transaction.authorization', tx.id, rendered);
  return ok({ ...rendered, failure_reason: approved ? null : 'Insufficient available balance' });
};

export const simulateReversal: OpHandler = (ctx) => {
  const idText = requiredString(ctx.body, 'transaction_id');
  const channel = optionalString(ctx.body, 'channel');
  const id = uuid(idText, 'transaction_id');
  simulatorPreconditions(ctx, channel);
  const original = ctx.world.transactions.get(id);
  if (
    !original ||
    original.accountId !== ctx.account.id ||
    original.type !== 'AUTHORIZATION' ||
    original.status !== 'APPROVED' ||
    original.reversed
  ) {
    throw fail('transaction.b.card_reversal_transaction_is_error');
  }
  const card = ctx.world.cards.get(original.cardId);
  if (!card) throw fail('transaction.b.card_reversal_transaction_is_error');
  if (blocksMcc(card, original.mcc)) throw fail('transaction.b.restrict_config_error');

  original.reversed = true;
  card.available = round2(card.available + original.amount);
  card.used = round2(Math.max(0, card.used - original.amount));
  const reversal = record(ctx, card, {
    type: 'REVERSAL',
    status: 'APPROVED',
    amount: original.amount,
    mcc: original.mcc,
    merchantName: original.merchantName,
    originalId: original.id,
  });
  const rendered = renderTransaction(ctx.world, reversal);
  ctx.world.events.emit('issuing.transaction.reversal', reversal.id, rendered);
  return ok({ ...rendered, failure_reason: null });
};

/** The checks both simulators make before looking at the card or transaction: account status, then channel. */
function simulatorPreconditions(ctx: OpContext, channel: string | undefined): void {
  if (ctx.account.status !== 'ACTIVE') throw fail('transaction.b.account_status_error');
  if (channel !== undefined && !CHANNELS.has(channel)) throw fail('transaction.b.invalid_channel_code');
}

/** True when the card's risk controls refuse the MCC: listed as blocked, or absent from a non-empty allow list. */
function blocksMcc(card: Card, mcc: string): boolean {
  const { allowed_mcc: allowed, blocked_mcc: blocked } = card.riskControls;
  if (Array.isArray(blocked) && blocked.map(String).includes(mcc)) return true;
  return Array.isArray(allowed) && allowed.length > 0 && !allowed.map(String).includes(mcc);
}

function record(
  ctx: OpContext,
  card: Card,
  fields: Pick<CardTransaction, 'type' | 'status' | 'amount' | 'mcc' | 'merchantName' | 'originalId'>,
): CardTransaction {
  const tx: CardTransaction = {
    id: ctx.world.uuid(),
    shortId: `IT${ctx.world.faker.string.numeric(10)}`,
    accountId: card.accountId,
    cardId: card.id,
    currency: card.currency,
    reversed: false,
    createdAt: ctx.world.now(),
    ...fields,
  };
  ctx.world.transactions.set(tx.id, tx);
  return tx;
}
