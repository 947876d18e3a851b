// The documented request of each operation, as structural fuzz needs it to tell an invalid request from a valid
// one: required and optional body fields with their JSON type (or enum), and the query filters a list takes. From
// docs/api-facts.md §5 and §6 (the API reference and the SDKs) and mock/RULES.md §2 (list filters).

import type { OperationName } from '../catalog/ids.ts';

/** A body field's JSON type, or the strings an enum allows. */
export type FieldType = 'string' | 'number' | 'object' | 'array' | readonly string[];

/** How a list filter's value is checked: a page number or size, a format, or an upper-case enum. */
export type QueryKind = 'page_size' | 'page_number' | 'uuid' | 'currency' | 'date-time' | 'enum' | 'text';

export interface RequestShape {
  required: Readonly<Record<string, FieldType>>;
  optional: Readonly<Record<string, FieldType>>;
  query: Readonly<Record<string, QueryKind>>;
}

const NONE = {};
const PAGES = { page_size: 'page_size', page_number: 'page_number' } as const;
const CARDHOLDER_FIELDS = {
  email: 'string',
  first_name: 'string',
  last_name: 'string',
  country_code: 'string',
  phone_number: 'string',
} as const;
const CARDHOLDER_OPTIONAL = {
  date_of_birth: 'string',
  gender: ['MALE', 'FEMALE'],
  nationality: 'string',
  residential_address: 'object',
  delivery_address: 'object',
  identity: 'object',
  kyc_verification: 'object',
  document_type: 'string',
  document: 'string',
} as const;
const CHANNEL = { channel: ['VISA', 'MASTERCARD'] } as const;
const body = (required: RequestShape['required'], optional: RequestShape['optional'] = NONE): RequestShape => ({
  required,
  optional,
  query: NONE,
});
const list = (query: RequestShape['query']): RequestShape => ({ required: NONE, optional: NONE, query });

export const REQUEST_SHAPES: Readonly<Record<OperationName, RequestShape>> = {
  'Create Card': body(
    { card_currency: ['SGD', 'USD'], cardholder_id: 'string', card_product_id: 'string' },
    {
      card_limit: 'number',
      card_type: ['VIRTUAL', 'PHYSICAL'],
      spending_controls: 'array',
      risk_controls: 'object',
      metadata: 'object',
      usage_type: ['NORMAL', 'ONE_TIME'],
      auto_cancel_trigger: ['ON_AUTH', 'ON_CAPTURE'],
      expiry_at: 'string',
      cardholder_required_fields: 'object',
    },
  ),
  'List Cards': list({ ...PAGES, card_status: 'enum', cardholder_id: 'uuid', card_number: 'text' }),
  'Update Card': body(NONE, {
    card_limit: 'number',
    no_pin_payment_amount: 'number',
    spending_controls: 'array',
    risk_controls: 'object',
    metadata: 'object',
  }),
  'Retrieve Card': list(NONE),
  'Update Card Status': body({ card_status: ['ACTIVE', 'FROZEN', 'CANCELLED'] }, { update_reason: 'string' }),
  'Retrieve Sensitive Card Details': list(NONE),
  'Create PAN Token': body(NONE),
  'Card Recharge': body({ amount: 'number' }),
  'Card Withdraw': body({ amount: 'number' }),
  'Retrieve Card Order': list(NONE),
  'Activate Card': body(
    { card_id: 'string', activation_code: 'string', pin: 'string' },
    { no_pin_payment_amount: 'number' },
  ),
  'Reset Card PIN': body({ card_id: 'string', pin: 'string' }),
  'Assign Card': body({
    cardholder_id: 'string',
    card_number: 'string',
    card_currency: 'string',
    card_mode: ['SINGLE', 'SHARE'],
  }),
  'Create Cardholder': body(CARDHOLDER_FIELDS, CARDHOLDER_OPTIONAL),
  'List Cardholders': list({ ...PAGES, cardholder_status: 'enum' }),
  'Update Cardholder': body(NONE, { ...CARDHOLDER_FIELDS, ...CARDHOLDER_OPTIONAL }),
  'Retrieve Cardholder': list(NONE),
  'Retrieve Issuing Balance': body({ currency: 'string' }),
  'List Issuing Balances': list({ ...PAGES, currency: 'currency' }),
  'List Issuing Balances Transactions': list({
    ...PAGES,
    currency: 'currency',
    start_time: 'date-time',
    end_time: 'date-time',
    transaction_type: 'enum',
    transaction_status: 'enum',
    transaction_id: 'uuid',
  }),
  'List Cards Transactions': list({ ...PAGES, card_id: 'uuid', start_time: 'date-time', end_time: 'date-time' }),
  'Retrieve Cards Transaction': list(NONE),
  'Simulate Authorization': body(
    {
      card_id: 'string',
      transaction_amount: 'number',
      transaction_currency: 'string',
      merchant_name: 'string',
      merchant_category_code: 'string',
    },
    CHANNEL,
  ),
  'Simulate Reversal': body({ transaction_id: 'string' }, CHANNEL),
};
