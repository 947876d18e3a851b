// Operations of the real API that the error page does not list, but that the suite and the mock need: List
// Products is how an integration (or the suite, on a sandbox) finds a card product id.

import type { ExtraOperation } from './types.ts';

const LIST_PRODUCTS: ExtraOperation = {
  name: 'List Products',
  id: 'list_products',
  method: 'GET',
  path: '/v1/issuing/products',
  path_params: [],
  idempotency_key: false,
  mutating: false,
  sandbox_only: false,
  section: 'card',
};

export const EXTRA_OPERATIONS: readonly ExtraOperation[] = [LIST_PRODUCTS];
