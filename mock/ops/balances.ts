// Issuing balances: Retrieve Issuing Balance (POST {currency}), List Issuing Balances and List Issuing Balances
// Transactions (mock/RULES.md §Balances). A currency "without a usable balance" is one the account has no balance
// in, or whose balance is not ACTIVE (frozen or closed).

import { fail, invalidField } from '../errors.ts';
import type { Balance, BalanceTransaction } from '../state/types.ts';
import { type OpContext, type OpHandler, ok } from './context.ts';
import { page, pagination, queryString, requiredString, timeWindow, uuid } from './fields.ts';
import { renderBalance, renderBalanceTransaction } from './render.ts';

const CURRENCY = /^[A-Z]{3}$/u;
/** Balance transaction types the SDKs enumerate (docs/api-facts.md §7); the mock only produces some of them. */
const TRANSACTION_TYPES = new Set([
  'DEPOSIT',
  'TRANSFER_IN',
  'TRANSFER_OUT',
  'ISSUING_AUTHORIZATION',
  'ISSUING_REVERSAL',
  'ISSUING_REFUND',
  'CARD_RECHARGE',
  'CARD_WITHDRAW',
  'SETTLEMENT_DEBIT',
  'SETTLEMENT_CREDIT',
  'SETTLEMENT_REVERSAL',
  'FEE',
  'REFUND',
  'ADJUSTMENT',
  'FUNDS_TRANSFER_IN',
  'FUNDS_TRANSFER_OUT',
  'FEE_REFUND',
  'FEE_DEDUCTION',
  'MARGIN_PAYMENT',
  'MARGIN_REFUND',
  'OTHER',
]);
const TRANSACTION_STATUSES = new Set(['COMPLETED', 'PENDING', 'FAILED']);

export const retrieveIssuingBalance: OpHandler = (ctx) => {
  const currency = currencyCode(requiredString(ctx.body, 'currency'));
  return ok(renderBalance(usableBalance(ctx, currency)));
};

export const listIssuingBalances: OpHandler = (ctx) => {
  const paging = pagination(ctx.query);
  const currency = optionalCurrency(ctx);
  const balances =
    currency === undefined
      ? [...ctx.world.balances.values()].filter((b) => b.accountId === ctx.account.id)
      : [usableBalance(ctx, currency)];
  balances.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return ok(page(balances, paging, renderBalance));
};

export const listIssuingBalancesTransactions: OpHandler = (ctx) => {
  const paging = pagination(ctx.query);
  const { start, end } = timeWindow(ctx.query);
  const type = enumFilter(ctx, 'transaction_type', TRANSACTION_TYPES);
  const status = enumFilter(ctx, 'transaction_status', TRANSACTION_STATUSES);
  const idText = queryString(ctx.query, 'transaction_id');
  const id = idText === undefined ? undefined : uuid(idText, 'transaction_id');
  const currency = optionalCurrency(ctx);
  if (currency !== undefined) usableBalance(ctx, currency);
  const matches = (tx: BalanceTransaction) =>
    tx.accountId === ctx.account.id &&
    (currency === undefined || tx.currency === currency) &&
    (type === undefined || tx.type === type) &&
    // Every ledger line the mock writes is COMPLETED (see renderBalanceTransaction).
    (status === undefined || status === 'COMPLETED') &&
    (id === undefined || tx.id === id) &&
    (start === undefined || tx.createdAt >= start) &&
    (end === undefined || tx.createdAt <= end);
  const lines = ctx.world.balanceTransactions
    .filter(matches)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return ok(page(lines, paging, renderBalanceTransaction));
};

function currencyCode(text: string): string {
  if (!CURRENCY.test(text)) throw invalidField({ path: 'currency', rule: 'must be an ISO 4217 currency code' });
  return text;
}

function optionalCurrency(ctx: OpContext): string | undefined {
  const text = queryString(ctx.query, 'currency');
  return text === undefined ? undefined : currencyCode(text);
}

/** The acting account's ACTIVE balance in the currency, or balance.account_balance_error. */
function usableBalance(ctx: OpContext, currency: string): Balance {
  const balance = ctx.world.balanceOf(ctx.account.id, currency);
  if (balance?.status !== 'ACTIVE') throw fail('balance.account_balance_error');
  return balance;
}

function enumFilter(ctx: OpContext, name: string, allowed: ReadonlySet<string>): string | undefined {
  const value = queryString(ctx.query, name);
  if (value !== undefined && !allowed.has(value))
    throw invalidField({ path: name, rule: `must be one of ${[...allowed].join(', ')}` });
  return value;
}
