// Success bodies shaped like the real API's (docs/api-facts.md §7): bare objects, amounts as strings where the real API
// sends strings, masked card numbers, ISO 8601 times.

import type { Balance, BalanceTransaction, Card, Cardholder, CardOrder, CardTransaction } from '../state/types.ts';
import type { World } from '../state/world.ts';

export const money = (value: number) => value.toFixed(2);
const time = (date: Date | null) => (date ? date.toISOString() : null);
const mask = (pan: string) => `${'*'.repeat(pan.length - 4)}${pan.slice(-4)}`;

export function renderCardholder(world: World, holder: Cardholder) {
  return {
    cardholder_id: holder.id,
    email: holder.email,
    first_name: holder.firstName,
    last_name: holder.lastName,
    country_code: holder.countryCode,
    phone_number: holder.phoneNumber,
    date_of_birth: holder.dateOfBirth,
    gender: holder.gender,
    nationality: holder.nationality,
    residential_address: holder.residentialAddress,
    delivery_address: holder.deliveryAddress,
    cardholder_status: holder.status,
    // Reserved by the vendor; the sandbox sends "" (webhook samples), as it does for an idv_status that does not apply.
    review_status: '',
    idv_status: holder.kycMethod === 'SUMSUB_REDIRECT' && holder.status === 'INCOMPLETE' ? 'PENDING' : '',
    number_of_cards: world.countedCards((c) => c.cardholderId === holder.id),
    create_time: time(holder.createdAt),
  };
}

export function renderCard(world: World, card: Card) {
  const product = world.products.get(card.productId);
  const holder = world.cardholders.get(card.cardholderId);
  return {
    card_id: card.id,
    card_bin: product?.bin ?? card.pan.slice(0, 8),
    card_scheme: product?.scheme ?? 'VISA',
    card_currency: card.currency,
    card_number: mask(card.pan),
    form_factor: card.form,
    mode_type: product?.modeType ?? 'SINGLE',
    card_product_id: card.productId,
    card_limit: card.limit,
    available_balance: money(card.available),
    consumed_amount: money(card.used),
    cardholder: holder ? renderCardholder(world, holder) : null,
    spending_controls: card.spendingControls.map((c) => ({ amount: money(c.amount), interval: c.interval })),
    risk_controls: card.riskControls,
    metadata: card.metadata,
    no_pin_payment_amount: card.noPinPaymentAmount === null ? null : `${card.noPinPaymentAmount}${card.currency}`,
    card_status: card.status,
    update_reason: card.updateReason,
    expiry_at: time(card.expiresAt),
    create_time: time(card.createdAt),
  };
}

export function renderOrder(order: CardOrder) {
  return {
    card_id: order.cardId,
    card_order_id: order.id,
    order_type: order.type,
    amount: money(order.amount),
    card_currency: order.currency,
    order_status: order.status,
    create_time: time(order.createdAt),
    update_time: time(order.completedAt ?? order.createdAt),
    complete_time: time(order.completedAt),
  };
}

export function renderBalance(balance: Balance) {
  return {
    balance_id: balance.id,
    currency: balance.currency,
    available_balance: money(balance.available),
    margin_balance: money(0),
    frozen_balance: money(balance.frozen),
    balance_status: balance.status,
    create_time: time(balance.createdAt),
    last_trade_time: time(balance.lastTradeAt),
  };
}

export function renderBalanceTransaction(tx: BalanceTransaction) {
  return {
    transaction_id: tx.id,
    short_transaction_id: tx.shortId,
    account_id: tx.accountId,
    balance_id: tx.balanceId,
    transaction_type: tx.type,
    currency: tx.currency,
    amount: money(tx.amount),
    ending_balance: money(tx.endingBalance),
    transaction_status: 'COMPLETED',
    create_time: time(tx.createdAt),
    complete_time: time(tx.createdAt),
    description: tx.description,
  };
}

export function renderTransaction(world: World, tx: CardTransaction) {
  const card = world.cards.get(tx.cardId);
  return {
    card_id: tx.cardId,
    card_number: card ? mask(card.pan) : '',
    cardholder_id: card?.cardholderId ?? '',
    transaction_id: tx.id,
    short_transaction_id: tx.shortId,
    // The sandbox sends "" for an absent original (webhook samples), not null.
    original_transaction_id: tx.originalId ?? '',
    transaction_type: tx.type,
    transaction_status: tx.status,
    transaction_amount: money(tx.amount),
    transaction_currency: tx.currency,
    billing_amount: money(tx.amount),
    billing_currency: tx.currency,
    // The simulator charges no fee; the fields are there because clients declare them required.
    transaction_fee: money(0),
    transaction_fee_currency: tx.currency,
    fee_pass_through: 'N',
    card_available_balance: card ? money(card.available) : money(0),
    authorization_code: tx.id.replace(/-/gu, '').slice(0, 6).toUpperCase(),
    merchant_data: { category_code: tx.mcc, name: tx.merchantName, city: 'Singapore', country: 'SG' },
    transaction_time: time(tx.createdAt),
    posted_time: time(tx.createdAt),
    description: tx.type === 'REVERSAL' ? 'Reversal' : 'Authorization',
    wallet_type: '',
  };
}

/** The data of a card.status.update.* event (the vendor's webhook page). */
export function statusEventData(world: World, card: Card) {
  return {
    card_id: card.id,
    card_number: mask(card.pan),
    available_balance: money(card.available),
    currency: card.currency,
    card_status: card.status,
    update_reason: card.updateReason ?? '',
    update_time: time(world.now()),
  };
}

/** The answer of the operations that issue a card (Create Card, Assign Card). */
export function renderIssued(card: Card, order: CardOrder) {
  return {
    card_id: card.id,
    card_order_id: order.id,
    create_time: card.createdAt.toISOString(),
    card_status: card.status,
    order_status: order.status,
  };
}

export function newOrder(
  world: World,
  card: Card,
  type: CardOrder['type'],
  amount: number,
  status: CardOrder['status'] = 'SUCCESS',
): CardOrder {
  const order: CardOrder = {
    id: world.uuid(),
    cardId: card.id,
    accountId: card.accountId,
    type,
    amount,
    currency: card.currency,
    status,
    createdAt: world.now(),
    completedAt: status === 'SUCCESS' ? world.now() : null,
  };
  world.orders.set(order.id, order);
  return order;
}
