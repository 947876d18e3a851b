// Create Card: the rules of mock/RULES.md §Create Card in the table's order, then the effect. Nothing changes
// until every rule has passed, so a refused request leaves no card, no cardholder and no balance movement.

import { makeCard } from '../../state/factories.ts';
import { type OpHandler, ok } from '../context.ts';
import { newOrder, renderIssued } from '../render.ts';
import { cardholderForNewCard } from './create-card-cardholder.ts';
import {
  checkCardFields,
  checkIssuer,
  checkQuotas,
  issuingBalance,
  productForNewCard,
  refuseForeignCardholder,
} from './create-card-checks.ts';
import { readNewCardRequest } from './create-card-request.ts';
import { issueAsynchronously } from './issue-settlement.ts';

export const createCard: OpHandler = (ctx) => {
  const request = readNewCardRequest(ctx.body);
  const product = productForNewCard(ctx, request.productId);
  const { form, expiresAt } = checkCardFields(ctx, product, request);
  refuseForeignCardholder(ctx, request.cardholderId);
  const { cardholder, commit } = cardholderForNewCard(ctx, product);
  checkQuotas(ctx, product, cardholder);
  checkIssuer(product);
  const balance = issuingBalance(ctx, product, request);

  const holder = commit();
  const oneTime = request.usageType === 'ONE_TIME';
  const card = makeCard(
    ctx.world,
    { accountId: ctx.account.id, cardholderId: holder.id, product },
    {
      currency: request.currency,
      form,
      usageType: request.usageType,
      autoCancelTrigger: oneTime ? (request.autoCancelTrigger as 'ON_AUTH' | 'ON_CAPTURE') : null,
      limit: request.limit,
      available: request.limit,
      expiresAt,
      spendingControls: request.spendingControls,
      riskControls: request.riskControls,
      metadata: request.metadata,
    },
  );
  product.subBinInventory -= 1;
  const debits = product.modeType === 'SINGLE' && request.limit > 0;
  if (debits) ctx.world.moveBalance(balance, -request.limit, 'CARD_RECHARGE', `Card ${card.id} issued`);
  const order = newOrder(ctx.world, card, 'CARD_CREATE', request.limit);
  issueAsynchronously(ctx, {
    card,
    order,
    product,
    ...(debits ? { debited: { balance, amount: request.limit } } : {}),
  });
  return ok({
    ...renderIssued(card, order),
    ...(request.cardholderId === undefined ? { cardholder_id: holder.id, cardholder_created: true } : {}),
  });
};
