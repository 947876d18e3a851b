// Operations of the real API that the error page does not list, but that the suite and the mock need: List
// Products is how an integration (or the suite, on a sandbox) finds a card product id; issuing transfers fund a
// sub-account; reports are how an integration reconciles (docs/api-facts.md).

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

export const CREATE_ISSUING_TRANSFER: ExtraOperation = {
  name: 'Create Issuing Transfer',
  id: 'create_issuing_transfer',
  method: 'POST',
  path: '/v1/issuing/transfers',
  path_params: [],
  idempotency_key: true,
  mutating: true,
  sandbox_only: false,
  section: 'balance',
};

export const RETRIEVE_ISSUING_TRANSFER: ExtraOperation = {
  name: 'Retrieve Issuing Transfer',
  id: 'retrieve_issuing_transfer',
  method: 'GET',
  path: '/v1/issuing/transfers/{transfer_id}',
  path_params: ['transfer_id'],
  idempotency_key: false,
  mutating: false,
  sandbox_only: false,
  section: 'balance',
};

export const CREATE_ISSUING_REPORT: ExtraOperation = {
  name: 'Create Issuing Report',
  id: 'create_issuing_report',
  method: 'POST',
  path: '/v1/issuing/reports',
  path_params: [],
  idempotency_key: true,
  mutating: true,
  sandbox_only: false,
  section: 'transaction',
};

export const RETRIEVE_ISSUING_REPORT: ExtraOperation = {
  name: 'Retrieve Issuing Report',
  id: 'retrieve_issuing_report',
  method: 'GET',
  path: '/v1/issuing/reports/{report_id}',
  path_params: ['report_id'],
  idempotency_key: false,
  mutating: false,
  sandbox_only: false,
  section: 'transaction',
};

export const EXTRA_OPERATIONS: readonly ExtraOperation[] = [
  LIST_PRODUCTS,
  CREATE_ISSUING_TRANSFER,
  RETRIEVE_ISSUING_TRANSFER,
  CREATE_ISSUING_REPORT,
  RETRIEVE_ISSUING_REPORT,
];
