// Small builders of RequestSpec shared by scenarios, valid requests and tests.

import type { AnyOperationName } from '../catalog/types.ts';
import type { RequestSpec } from '../contract/request.ts';

/** A request to an operation that takes {card_id} in its path, with an optional body and x-on-behalf-of. */
export function byCard(operation: AnyOperationName, cardId: string, body?: unknown, onBehalfOf?: string): RequestSpec {
  return {
    operation,
    params: { card_id: cardId },
    ...(body === undefined ? {} : { body }),
    ...(onBehalfOf ? { onBehalfOf } : {}),
  };
}
