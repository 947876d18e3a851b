// Create Card scenarios for who the card is for and whether there is room for it: a foreign cardholder, the quotas,
// the sub-BIN pool, the issuer, and the issuing balance (mock/RULES.md, Create Card table from the quota rows on).
// Sub-account faults act through x-on-behalf-of with the sub-account's own cardholder, so that acting as it is the
// one fault; their valid twin is the same request from the master account for one of its cardholders.

import type { EntryId } from '../../catalog/ids.ts';
import type { SubAccountName } from '../../contract/fixtures.ts';
import { newCardholder, rotatingCardholder } from '../arrange.ts';
import type { Scenario } from '../types.ts';
import { createCardRequest, createCardScenario, twinScenario } from './create-card-twins.ts';

function subAccountScenario(entry: EntryId, fault: string, name: SubAccountName): Scenario {
  return createCardScenario(entry, fault, async (ctx) => {
    const sub = await ctx.fixtures.subAccount(name);
    return {
      faulty: await createCardRequest(ctx, { onBehalfOf: sub.id, cardholderId: sub.cardholder_id }),
      twin: await createCardRequest(ctx, { cardholderId: await rotatingCardholder(ctx) }),
    };
  });
}

export const createCardCapacityScenarios: Scenario[] = [
  twinScenario(
    'card.b.card_holder_not_exists_or_is_illegal',
    "cardholder_id of another account's cardholder",
    async (ctx) => ({ cardholderId: await ctx.fixtures.cardholder('foreign') }),
  ),
  createCardScenario(
    'card.cardholder_quota_exceeded',
    'second card of a one-per-cardholder product for the same cardholder',
    async (ctx) => {
      const holder = await newCardholder(ctx);
      const first = await createCardRequest(ctx, { product: 'quota-1', cardholderId: holder });
      await ctx.arrange(first);
      return {
        faulty: await createCardRequest(ctx, { product: 'quota-1', cardholderId: holder }),
        twin: await createCardRequest(ctx, { product: 'quota-1', cardholderId: await newCardholder(ctx) }),
      };
    },
  ),
  twinScenario(
    'card.b.cardholder_card_quota_exceeded',
    "cardholder at the account's per-cardholder card cap",
    async (ctx) => ({ cardholderId: await ctx.fixtures.cardholder('at-account-quota') }),
  ),
  twinScenario('card.account_quota_exceeded', 'product whose per-account quota is used up', {
    product: 'account-quota-full',
  }),
  subAccountScenario(
    'card.b.account_card_quota_exceeded',
    'acting as a sub-account at its account-wide card cap',
    'at-card-quota',
  ),
  twinScenario('card.insufficient_sub_bin', 'product whose sub-BIN pool is empty', { product: 'sub-bin-exhausted' }),
  twinScenario('card.b.create_card_error', 'product whose issuer refuses new cards', { product: 'issuer-down' }),
  subAccountScenario(
    'card.account_balance_error',
    'acting as a sub-account whose issuing balance in the currency is frozen',
    'balance-unavailable',
  ),
  subAccountScenario(
    'card.b.account_balance_not_exists',
    'acting as a sub-account with no issuing balance in the currency',
    'no-balance',
  ),
  subAccountScenario(
    'card.b.insufficient_balance',
    'card_limit above the issuing balance of the acting sub-account',
    'low-balance',
  ),
];
