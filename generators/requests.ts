// Small builders of RequestSpec shared by scenarios, valid requests and tests.

import type { AnyOperationName } from '../catalog/types.ts';
import type { RequestSpec } from '../contract/request.ts';
import type { ScenarioContext } from './types.ts';

/** A request to an operation that takes {card_id} in its path, with an optional body and x-on-behalf-of. */
export function byCard(operation: AnyOperationName, cardId: string, body?: unknown, onBehalfOf?: string): RequestSpec {
  return {
    operation,
    params: { card_id: cardId },
    ...(body === undefined ? {} : { body }),
    ...(onBehalfOf ? { onBehalfOf } : {}),
  };
}

/** A Simulate Authorization request the sandbox accepts: SGD, the supported MCC 5734, an amount the card holds. */
export const authorization = (
  ctx: ScenarioContext,
  cardId: string,
  overrides: Record<string, unknown> = {},
): RequestSpec => ({
  operation: 'Simulate Authorization',
  body: {
    card_id: cardId,
    transaction_amount: 1,
    transaction_currency: 'SGD',
    merchant_name: ctx.data.merchantName(),
    merchant_category_code: '5734',
    ...overrides,
  },
});
