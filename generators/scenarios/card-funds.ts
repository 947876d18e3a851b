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

/** The card the faulty request goes to, and the sub-account it acts for (x-on-behalf-of) when not the master's. */
type FaultyCard = (ctx: ScenarioContext) => Promise<{ cardId: string; onBehalfOf?: string }>;

/** The same amount against a card with the fault, then against a new card of the master account without it. */
function otherCard(
  operation: OperationName,
  entry: EntryId,
  fault: string,
  value: number,
  faultyCard: FaultyCard,
  validProduct: ProductName = 'standard',
): Scenario {
  return {
    entry,
    operation,
    fault,
    provoke: async (ctx) => {
      const faulty = await faultyCard(ctx);
      return {
        faulty: byCard(operation, faulty.cardId, amount(value), faulty.onBehalfOf),
        twin: byCard(operation, await newCard(ctx, { product: validProduct }), amount(value)),
      };
    },
  };
}

/** The sub-account's own card, acted on with x-on-behalf-of the sub-account. */
const subAccountCard =
  (name: SubAccountName): FaultyCard =>
  async (ctx) => {
    const sub = await ctx.fixtures.subAccount(name);
    return { cardId: sub.card_id, onBehalfOf: sub.id };
  };

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

const productCard =
  (product: ProductName): FaultyCard =>
  async (ctx) => ({ cardId: await newCard(ctx, { product }) });
const fixtureCard =
  (name: 'issuer-failing'): FaultyCard =>
  async (ctx) => ({ cardId: (await ctx.fixtures.card(name)).id });

// Faults both fund operations share: the same arrangement, each operation documenting its own entry.
const fundGuards = (operation: OperationName) =>
  cardGuardScenarios(operation, amount(1), { expired: 'card.b.invalid_expiry_date' });
const sharedLimitCard = (operation: OperationName, entry: EntryId) =>
  otherCard(operation, entry, 'shared-limit (SHARE mode) card', 1, productCard('shared'));
const zeroAmount = (operation: OperationName, entry: EntryId) => sameCard(operation, entry, 'amount 0', 0, 1);

export const cardRechargeScenarios: Scenario[] = [
  ...fundGuards(RECHARGE),
  otherCard(RECHARGE, 'card.b.product_not_opened', 'product closed to recharges', 1, productCard('recharge-closed')),
  sharedLimitCard(RECHARGE, 'card.b.the_card_currently_does_not_support_recharge'),
  zeroAmount(RECHARGE, 'card.b.recharge_amount_is_invalid'),
  otherCard(
    RECHARGE,
    'card.b.account_balance_not_exists',
    'acting account has no balance in the card currency',
    1,
    subAccountCard('no-balance'),
  ),
  // The low-balance sub-account holds 5.00 SGD.
  // Amounts are in the card currency's minor unit (the page): 1000 is 10.00 SGD, above the 5.00 SGD balance.
  otherCard(
    RECHARGE,
    'card.b.insufficient_balance',
    'amount above the issuing balance',
    1000,
    subAccountCard('low-balance'),
  ),
  otherCard(
    RECHARGE,
    'card.b.card_recharge_is_error',
    'card the issuer refuses to recharge',
    1,
    fixtureCard('issuer-failing'),
  ),
];

export const cardWithdrawScenarios: Scenario[] = [
  ...fundGuards(WITHDRAW),
  sharedLimitCard(WITHDRAW, 'card.b.card_withdraw_not_support'),
  otherCard(
    WITHDRAW,
    'card.b.the_card_currently_does_not_support_withdraw',
    'product with withdrawals disabled',
    1,
    productCard('withdraw-disabled'),
  ),
  zeroAmount(WITHDRAW, 'card.b.withdraw_amount_is_invalid'),
  sameCard(WITHDRAW, 'card.b.card_available_limit_insufficient', 'amount above the card balance', 10_001, 10_000),
  otherCard(
    WITHDRAW,
    'card.b.account_balance_not_exists',
    'acting account has no balance in the card currency to credit',
    1,
    subAccountCard('no-balance'),
  ),
  // The low-balance sub-account's card is of the withdraw-fee product, whose fee exceeds its 5.00 SGD balance.
  otherCard(
    WITHDRAW,
    'card.b.insufficient_balance',
    'withdrawal fee above the issuing balance',
    1,
    subAccountCard('low-balance'),
    'withdraw-fee',
  ),
];
