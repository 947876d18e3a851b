// Issuing transfers (uqpay-api.md §5.11, §7): move issuing balance between a master account and one of its
// sub-accounts — the way an integration funds a sub-account. Only master↔sub pairs the caller owns are allowed;
// the mock completes a transfer at once (transfer_status COMPLETED), with a ledger line on each side.

import { fail, invalidField } from '../errors.ts';
import type { Account, Balance, Transfer } from '../state/types.ts';
import type { World } from '../state/world.ts';
import { type OpContext, type OpHandler, ok } from './context.ts';
import { decimals, optionalString, requiredNumber, requiredString, requiredUuid, uuid } from './fields.ts';

const CURRENCY = /^[A-Z]{3}$/u;

export const createIssuingTransfer: OpHandler = (ctx) => {
  const sourceId = requiredUuid(ctx.body, 'source_account_id');
  const destinationId = requiredUuid(ctx.body, 'destination_account_id');
  const currency = requiredString(ctx.body, 'currency');
  const amount = requiredNumber(ctx.body, 'amount');
  const remark = optionalString(ctx.body, 'remark') ?? '';
  if (!CURRENCY.test(currency)) throw invalidField({ path: 'currency', rule: 'must be an ISO 4217 currency code' });
  if (amount <= 0 || decimals(amount) > 2)
    throw invalidField({ path: 'amount', rule: 'must be greater than 0 with at most 2 decimals' });
  if (sourceId === destinationId)
    throw invalidField({ path: 'destination_account_id', rule: 'must differ from source_account_id' });
  const source = transferParty(ctx, sourceId);
  const destination = transferParty(ctx, destinationId);
  if (source.parentId !== destination.id && destination.parentId !== source.id) {
    throw invalidField({
      path: 'destination_account_id',
      rule: 'transfers run between a master account and its sub-account',
    });
  }
  const from = ctx.world.balanceOf(source.id, currency);
  if (from?.status !== 'ACTIVE')
    throw invalidField({ path: 'currency', rule: 'the source account has no usable balance in it' });
  if (from.available < amount)
    throw invalidField({ path: 'amount', rule: 'exceeds the available balance of the source account' });

  const transfer: Transfer = {
    id: ctx.world.uuid(),
    referenceId: `T${ymd(ctx.world.now())}-${ctx.world.faker.string.alphanumeric({ length: 8, casing: 'upper' })}`,
    shortId: `TT${ctx.world.faker.string.numeric(10)}`,
    accountId: ctx.account.id,
    sourceAccountId: source.id,
    destinationAccountId: destination.id,
    amount,
    currency,
    status: 'COMPLETED',
    remark,
    creatorId: ctx.apiKey.userId,
    createdAt: ctx.world.now(),
    completedAt: ctx.world.now(),
  };
  ctx.world.moveBalance(from, -amount, 'TRANSFER_OUT', `Transfer ${transfer.referenceId}`);
  ctx.world.moveBalance(
    balanceFor(ctx.world, destination, currency),
    amount,
    'TRANSFER_IN',
    `Transfer ${transfer.referenceId}`,
  );
  ctx.world.transfers.set(transfer.id, transfer);
  return ok({ transfer_id: transfer.id, short_transaction_id: transfer.shortId });
};

export const retrieveIssuingTransfer: OpHandler = (ctx) => {
  const id = uuid(ctx.params.transfer_id ?? '', 'transfer_id');
  const transfer = ctx.world.transfers.get(id);
  const mine = transfer && [transfer.sourceAccountId, transfer.destinationAccountId].includes(ctx.account.id);
  if (!transfer || !mine) throw invalidField({ path: 'transfer_id', rule: 'no such transfer' });
  return ok(renderTransfer(transfer));
};

export function renderTransfer(transfer: Transfer) {
  return {
    transfer_id: transfer.id,
    reference_id: transfer.referenceId,
    short_transaction_id: transfer.shortId,
    source_account_id: transfer.sourceAccountId,
    destination_account_id: transfer.destinationAccountId,
    amount: transfer.amount.toFixed(2),
    fee_amount: (0).toFixed(2),
    currency: transfer.currency,
    transfer_status: transfer.status,
    create_time: transfer.createdAt.toISOString(),
    complete_time: transfer.completedAt ? transfer.completedAt.toISOString() : '',
    creator_id: transfer.creatorId,
    remark: transfer.remark,
  };
}

/** The acting account itself or one of its sub-accounts (a sub-account acting for itself sees its master too). */
function transferParty(ctx: OpContext, id: string): Account {
  const account = ctx.world.accounts.get(id);
  const related =
    account &&
    (account.id === ctx.account.id || account.parentId === ctx.account.id || account.id === ctx.account.parentId);
  if (!account || !related || account.status === 'DEACTIVATED' || account.status === 'DELETED') {
    throw fail('general.sub_account_not_found');
  }
  return account;
}

function balanceFor(world: World, account: Account, currency: string): Balance {
  const existing = world.balanceOf(account.id, currency);
  if (existing) return existing;
  const balance: Balance = {
    id: world.uuid(),
    accountId: account.id,
    currency,
    available: 0,
    frozen: 0,
    status: 'ACTIVE',
    createdAt: world.now(),
    lastTradeAt: null,
  };
  world.balances.set(balance.id, balance);
  return balance;
}

function ymd(date: Date): string {
  return date.toISOString().slice(2, 10).replace(/-/gu, '');
}
