// A valid request for each documented operation: the base that the general rows' scenarios add one fault to.
// Each call returns a request that succeeds on its own; what it changes is built fresh, what it only reads is shared.

import type { OperationName } from '../catalog/ids.ts';
import type { RequestSpec } from '../contract/request.ts';
import {
  assignCardRequest,
  createCardBody,
  newCard,
  newCardholder,
  physicalCard,
  sharedActiveCard,
  sharedCardholder,
} from './arrange.ts';
import { byCard } from './requests.ts';
import type { ScenarioContext } from './types.ts';

type Builder = (ctx: ScenarioContext) => Promise<RequestSpec>;

/** A card for recharges, withdrawals and simulated authorizations, so the shared read-only card stays untouched. */
const fundsCard = (ctx: ScenarioContext) => ctx.shared.once('funds-card', () => newCard(ctx, { limit: 1000 }));

const sharedOrderId = (ctx: ScenarioContext) =>
  ctx.shared.once('card-order', async () => {
    const order = await ctx.arrange(byCard('Card Recharge', await fundsCard(ctx), { amount: 1 }));
    return String(order.card_order_id);
  });

const authorization = async (ctx: ScenarioContext) => {
  const body = {
    card_id: await fundsCard(ctx),
    transaction_amount: 1,
    transaction_currency: 'SGD',
    merchant_name: ctx.data.merchantName(),
    merchant_category_code: '5734',
  };
  return { operation: 'Simulate Authorization', body } satisfies RequestSpec;
};

const sharedTransactionId = (ctx: ScenarioContext) =>
  ctx.shared.once('card-transaction', async () => String((await ctx.arrange(await authorization(ctx))).transaction_id));

const sharedPhysicalCard = (ctx: ScenarioContext) =>
  ctx.shared.once('physical-card', () => physicalCard(ctx, { activated: true }));

const BUILDERS = {
  'Create Card': async (ctx) => ({ operation: 'Create Card', body: await createCardBody(ctx) }),
  'List Cards': async () => ({ operation: 'List Cards' }),
  'Update Card': async (ctx) =>
    byCard('Update Card', await sharedActiveCard(ctx), { metadata: { purpose: 'conformance' } }),
  'Retrieve Card': async (ctx) => byCard('Retrieve Card', await sharedActiveCard(ctx)),
  'Update Card Status': async (ctx) =>
    byCard('Update Card Status', await newCard(ctx), { card_status: 'FROZEN', update_reason: 'conformance' }),
  // Sensitive endpoints are limited per card, so each request gets its own card.
  'Retrieve Sensitive Card Details': async (ctx) => byCard('Retrieve Sensitive Card Details', await newCard(ctx)),
  'Create PAN Token': async (ctx) => byCard('Create PAN Token', await newCard(ctx), {}),
  'Card Recharge': async (ctx) => byCard('Card Recharge', await fundsCard(ctx), { amount: 1 }),
  // Amounts in the card currency's minor unit, as the page says: 1 is 0.01 SGD.
  'Card Withdraw': async (ctx) => byCard('Card Withdraw', await fundsCard(ctx), { amount: 1 }),
  'Retrieve Card Order': async (ctx) => ({
    operation: 'Retrieve Card Order',
    params: { card_order_id: await sharedOrderId(ctx) },
  }),
  'Activate Card': async (ctx) => {
    const card = await physicalCard(ctx, { activated: false });
    return {
      operation: 'Activate Card',
      body: { card_id: card.cardId, activation_code: card.activationCode, pin: '135790' },
    };
  },
  'Reset Card PIN': async (ctx) => ({
    operation: 'Reset Card PIN',
    body: { card_id: (await sharedPhysicalCard(ctx)).cardId, pin: '975310' },
  }),
  'Assign Card': async (ctx) => (await assignCardRequest(ctx)).request,
  'Create Cardholder': async (ctx) => ({ operation: 'Create Cardholder', body: ctx.data.cardholder() }),
  'List Cardholders': async () => ({ operation: 'List Cardholders' }),
  'Update Cardholder': async (ctx) => ({
    operation: 'Update Cardholder',
    params: { cardholder_id: await ctx.shared.once('updatable-cardholder', () => newCardholder(ctx)) },
    body: { gender: 'FEMALE' },
  }),
  'Retrieve Cardholder': async (ctx) => ({
    operation: 'Retrieve Cardholder',
    params: { cardholder_id: await sharedCardholder(ctx) },
  }),
  'Retrieve Issuing Balance': async () => ({ operation: 'Retrieve Issuing Balance', body: { currency: 'SGD' } }),
  'List Issuing Balances': async () => ({ operation: 'List Issuing Balances' }),
  'List Issuing Balances Transactions': async () => ({ operation: 'List Issuing Balances Transactions' }),
  'List Cards Transactions': async () => ({ operation: 'List Cards Transactions' }),
  'Retrieve Cards Transaction': async (ctx) => ({
    operation: 'Retrieve Cards Transaction',
    params: { transaction_id: await sharedTransactionId(ctx) },
  }),
  'Simulate Authorization': authorization,
  'Simulate Reversal': async (ctx) => {
    const authorized = await ctx.arrange(await authorization(ctx));
    return { operation: 'Simulate Reversal', body: { transaction_id: String(authorized.transaction_id) } };
  },
} satisfies Record<OperationName, Builder>;

export function validRequest(ctx: ScenarioContext, operation: OperationName): Promise<RequestSpec> {
  return BUILDERS[operation](ctx);
}
