// Scenarios for the card transaction reads and the sandbox simulator. Every request that moves money gets its own
// card, so no scenario changes a card another one relies on.

import { FixtureMissing } from '../../contract/fixture-provider.ts';
import type { RequestSpec } from '../../contract/request.ts';
import { newCard, newCardholder } from '../arrange.ts';
import { authorization } from '../requests.ts';
import { ArrangeError, type Scenario, type ScenarioContext } from '../types.ts';

const reversal = (transactionId: string, overrides: Record<string, unknown> = {}): RequestSpec => ({
  operation: 'Simulate Reversal',
  body: { transaction_id: transactionId, ...overrides },
});

/** An approved authorization on a new card (of the sub-account given, if any). */
async function authorized(ctx: ScenarioContext, onBehalfOf?: string): Promise<{ cardId: string; id: string }> {
  const cardId = onBehalfOf
    ? await newCard(ctx, { onBehalfOf, cardholderId: await newCardholder(ctx, {}, onBehalfOf) })
    : await newCard(ctx);
  const spec = authorization(ctx, cardId);
  if (onBehalfOf) spec.onBehalfOf = onBehalfOf;
  const tx = await ctx.arrange(spec);
  // The target declined the arranged authorization: a failed arrange step (environment), not a bug of the scenario.
  if (tx.transaction_status !== 'APPROVED')
    throw new ArrangeError(`arrange step Simulate Authorization answered ${String(tx.transaction_status)}`);
  return { cardId, id: String(tx.transaction_id) };
}

/** The suspended sub-account (with its card and approved authorization), and an active one to act as instead. */
async function suspendedAndActive(ctx: ScenarioContext) {
  return {
    suspended: await ctx.fixtures.subAccount('suspended'),
    active: (await ctx.fixtures.subAccount('active')).id,
  };
}

const onBehalf = (spec: RequestSpec, accountId: string): RequestSpec => ({ ...spec, onBehalfOf: accountId });

export const transactionScenarios: Scenario[] = [
  {
    entry: 'transaction.invalid_request_error',
    operation: 'Retrieve Cards Transaction',
    fault: 'transaction id that exists nowhere',
    provoke: async (ctx) => {
      const missing = ctx.data.uuid();
      return {
        faulty: { operation: 'Retrieve Cards Transaction', params: { transaction_id: missing } },
        twin: { operation: 'Retrieve Cards Transaction', params: { transaction_id: (await authorized(ctx)).id } },
        values: { id: missing },
      };
    },
  },
  {
    entry: 'transaction.b.account_status_error',
    operation: 'Simulate Authorization',
    fault: 'acting as a suspended sub-account',
    provoke: async (ctx) => {
      const { suspended, active } = await suspendedAndActive(ctx);
      const cardholderId = await newCardholder(ctx, {}, active);
      const activeCard = await newCard(ctx, { onBehalfOf: active, cardholderId });
      return {
        faulty: onBehalf(authorization(ctx, suspended.card_id), suspended.id),
        twin: onBehalf(authorization(ctx, activeCard), active),
      };
    },
  },
  {
    entry: 'transaction.b.account_status_error',
    operation: 'Simulate Reversal',
    fault: 'acting as a suspended sub-account',
    provoke: async (ctx) => {
      const { suspended, active } = await suspendedAndActive(ctx);
      if (!suspended.transaction_id) {
        throw new FixtureMissing({
          fixture: 'an approved authorization of sub-account suspended',
          setting: 'UQPAY_FIXTURE_SUB_ACCOUNT_SUSPENDED_TRANSACTION',
        });
      }
      return {
        faulty: onBehalf(reversal(suspended.transaction_id), suspended.id),
        twin: onBehalf(reversal((await authorized(ctx, active)).id), active),
      };
    },
  },
  {
    entry: 'transaction.b.invalid_channel_code',
    operation: 'Simulate Authorization',
    fault: 'channel AMEX',
    provoke: async (ctx) => {
      const cardId = await newCard(ctx);
      return {
        faulty: authorization(ctx, cardId, { channel: 'AMEX' }),
        twin: authorization(ctx, cardId, { channel: 'VISA' }),
      };
    },
  },
  {
    entry: 'transaction.b.invalid_channel_code',
    operation: 'Simulate Reversal',
    fault: 'channel AMEX',
    provoke: async (ctx) => {
      const { id } = await authorized(ctx);
      return { faulty: reversal(id, { channel: 'AMEX' }), twin: reversal(id, { channel: 'VISA' }) };
    },
  },
  {
    entry: 'transaction.b.mcc_is_error',
    operation: 'Simulate Authorization',
    fault: 'MCC 5411, which the sandbox does not simulate',
    provoke: async (ctx) => {
      const cardId = await newCard(ctx);
      return {
        faulty: authorization(ctx, cardId, { merchant_category_code: '5411' }),
        twin: authorization(ctx, cardId),
      };
    },
  },
  {
    entry: 'transaction.b.card_authorize_transaction_is_error',
    operation: 'Simulate Authorization',
    fault: 'USD on an SGD card',
    provoke: async (ctx) => {
      const cardId = await newCard(ctx);
      return {
        faulty: authorization(ctx, cardId, { transaction_currency: 'USD' }),
        twin: authorization(ctx, cardId),
      };
    },
  },
  {
    entry: 'transaction.b.restrict_config_error',
    operation: 'Simulate Authorization',
    fault: 'amount above the per-transaction control',
    provoke: async (ctx) => {
      const cardId = await newCard(ctx, {
        extra: { spending_controls: [{ amount: 10, interval: 'PER_TRANSACTION' }] },
      });
      return {
        faulty: authorization(ctx, cardId, { transaction_amount: 20 }),
        twin: authorization(ctx, cardId, { transaction_amount: 5 }),
      };
    },
  },
  {
    entry: 'transaction.b.restrict_config_error',
    operation: 'Simulate Reversal',
    fault: 'card now blocks the MCC of the authorization',
    provoke: async (ctx) => {
      const blocked = await authorized(ctx);
      await ctx.arrange({
        operation: 'Update Card',
        params: { card_id: blocked.cardId },
        body: { risk_controls: { blocked_mcc: ['5734'] } },
      });
      return { faulty: reversal(blocked.id), twin: reversal((await authorized(ctx)).id) };
    },
  },
  {
    entry: 'transaction.b.card_reversal_transaction_is_error',
    operation: 'Simulate Reversal',
    fault: 'authorization already reversed',
    provoke: async (ctx) => {
      const reversed = await authorized(ctx);
      await ctx.arrange(reversal(reversed.id));
      return { faulty: reversal(reversed.id), twin: reversal((await authorized(ctx)).id) };
    },
  },
];
