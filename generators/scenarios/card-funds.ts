// Scenarios for Card Recharge and Card Withdraw (mock/RULES.md §Cards, "Card Recharge / Card Withdraw"), except the
// {card_id} rows (card-id-rows.ts). Recharges and withdrawals move money, so each scenario builds its own cards;
// the balance rows act as the no-balance and low-balance sub-accounts on the cards they own.

import type { EntryId, OperationName } from '../../catalog/ids.ts';
import type { ProductName, SubAccountName } from '../../contract/fixtures.ts';
import { newCard } from '../arrange.ts';
import { byCard } from '../requests.ts';
import type { Scenario, ScenarioContext } from '../types.ts';
import { cardGuardScenarios } from './card-guards.ts';

const RECHARGE: OperationName = 'Card Recharge';
const WITHDRAW: OperationName = 'Card Withdraw';
const amount = (value: number) => ({ amount: value });

/** The same amount against a card with the fault, then against a new card of the master account without it. */
function otherCard(
  operation: OperationName,
  entry: EntryId,
  fault: string,
  value: number,
  faultyCard: (ctx: ScenarioContext) => Promise<string>,
  validProduct: ProductName = 'standard',
): Scenario {
  return {
    entry,
    operation,
    fault,
    provoke: async (ctx) => ({
      faulty: byCard(operation, await faultyCard(ctx), amount(value)),
      twin: byCard(operation, await newCard(ctx, { product: validProduct }), amount(value)),
    }),
  };
}

/** The sub-account's own card, acted on with x-on-behalf-of the sub-account; the twin is a master-account card. */
function subAccountCard(
  operation: OperationName,
  entry: EntryId,
  fault: string,
  value: number,
  name: SubAccountName,
  validProduct: ProductName = 'standard',
): Scenario {
  return {
    entry,
    operation,
    fault,
    provoke: async (ctx) => {
      const sub = await ctx.fixtures.subAccount(name);
      return {
        faulty: byCard(operation, sub.card_id, amount(value), sub.id),
        twin: byCard(operation, await newCard(ctx, { product: validProduct }), amount(value)),
      };
    },
  };
}

/** A faulty and a twin amount against the same new card (limit 100); the faulty one changes nothing. */
function sameCard(operation: OperationName, entry: EntryId, fault: string, faulty: number, twin: number): Scenario {
  return {
    entry,
    operation,
    fault,
    provoke: async (ctx) => {
      const cardId = await newCard(ctx, { limit: 100 });
      return { faulty: byCard(operation, cardId, amount(faulty)), twin: byCard(operation, cardId, amount(twin)) };
    },
  };
}

const productCard = (product: ProductName) => (ctx: ScenarioContext) => newCard(ctx, { product });
const fixtureCard = (name: 'issuer-failing') => async (ctx: ScenarioContext) => (await ctx.fixtures.card(name)).id;

export const cardRechargeScenarios: Scenario[] = [
  ...cardGuardScenarios(RECHARGE, amount(1), { expired: 'card.b.invalid_expiry_date' }),
  otherCard(RECHARGE, 'card.b.product_not_opened', 'product closed to recharges', 1, productCard('recharge-closed')),
  otherCard(
    RECHARGE,
    'card.b.the_card_currently_does_not_support_recharge',
    'shared-limit (SHARE mode) card',
    1,
    productCard('shared'),
  ),
  sameCard(RECHARGE, 'card.b.recharge_amount_is_invalid', 'amount 0', 0, 1),
  subAccountCard(
    RECHARGE,
    'card.b.account_balance_not_exists',
    'acting account has no balance in the card currency',
    1,
    'no-balance',
  ),
  // The low-balance sub-account holds 5.00 SGD.
  // Amounts are in the card currency's minor unit (the page): 1000 is 10.00 SGD, above the 5.00 SGD balance.
  subAccountCard(RECHARGE, 'card.b.insufficient_balance', 'amount above the issuing balance', 1000, 'low-balance'),
  otherCard(
    RECHARGE,
    'card.b.card_recharge_is_error',
    'card the issuer refuses to recharge',
    1,
    fixtureCard('issuer-failing'),
  ),
];

export const cardWithdrawScenarios: Scenario[] = [
  ...cardGuardScenarios(WITHDRAW, amount(1), { expired: 'card.b.invalid_expiry_date' }),
  otherCard(WITHDRAW, 'card.b.card_withdraw_not_support', 'shared-limit (SHARE mode) card', 1, productCard('shared')),
  otherCard(
    WITHDRAW,
    'card.b.the_card_currently_does_not_support_withdraw',
    'product with withdrawals disabled',
    1,
    productCard('withdraw-disabled'),
  ),
  sameCard(WITHDRAW, 'card.b.withdraw_amount_is_invalid', 'amount 0', 0, 1),
  sameCard(WITHDRAW, 'card.b.card_available_limit_insufficient', 'amount above the card balance', 10_001, 10_000),
  subAccountCard(
    WITHDRAW,
    'card.b.account_balance_not_exists',
    'acting account has no balance in the card currency to credit',
    1,
    'no-balance',
  ),
  // The low-balance sub-account's card is of the withdraw-fee product, whose fee exceeds its 5.00 SGD balance.
  subAccountCard(
    WITHDRAW,
    'card.b.insufficient_balance',
    'withdrawal fee above the issuing balance',
    1,
    'low-balance',
    'withdraw-fee',
  ),
];
