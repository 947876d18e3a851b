// The request shape of Create Card (mock/RULES.md §1 step 10): every field's JSON type and the formats that no
// specific catalog entry covers. Values a specific entry covers (card_type, card_limit, auto_cancel_trigger,
// expiry_at, currencies) are only type-checked here; the rules in create-card.ts judge them in the table's order.

import { badParameters, invalidField } from '../../errors.ts';
import type { RiskControls, SpendingControl } from '../../state/types.ts';
import {
  optionalArray,
  optionalNumber,
  optionalObject,
  optionalString,
  requiredString,
  requiredUuid,
  uuid,
} from '../fields.ts';
import { readRiskControls } from './risk-controls.ts';

type Body = Readonly<Record<string, unknown>>;

export interface NewCardRequest {
  productId: string;
  /** Absent for one-step issuance. */
  cardholderId: string | undefined;
  currency: string;
  limit: number;
  cardType: string | undefined;
  spendingControls: SpendingControl[];
  riskControls: RiskControls;
  metadata: Record<string, string>;
  usageType: 'NORMAL' | 'ONE_TIME';
  autoCancelTrigger: string | undefined;
  expiryAt: string | undefined;
}

export const INTERVALS = ['PER_TRANSACTION', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'ALL_TIME'];
const METADATA_MAX_BYTES = 3200;

export function readNewCardRequest(body: Body): NewCardRequest {
  const productId = requiredUuid(body, 'card_product_id');
  const cardholderId = present(optionalString(body, 'cardholder_id'));
  const currency = requiredString(body, 'card_currency');
  if (!/^[A-Z]{3}$/u.test(currency))
    throw invalidField({ path: 'card_currency', rule: 'must be an ISO 4217 currency code' });
  const limit = optionalNumber(body, 'card_limit') ?? 0;
  const cardType = present(optionalString(body, 'card_type'));
  const spendingControls = readSpendingControls(body);
  const riskControls = readRiskControls(optionalObject(body, 'risk_controls')) ?? {};
  const metadata = readMetadata(body);
  const usageType = optionalString(body, 'usage_type') ?? 'NORMAL';
  if (usageType !== 'NORMAL' && usageType !== 'ONE_TIME')
    throw invalidField({ path: 'usage_type', rule: 'must be NORMAL or ONE_TIME' });
  const autoCancelTrigger = present(optionalString(body, 'auto_cancel_trigger'));
  const expiryAt = present(optionalString(body, 'expiry_at'));
  // The one-step supplement is judged by the cardholder rules; only its JSON type belongs to the shape.
  optionalObject(body, 'cardholder_required_fields');
  return {
    productId,
    cardholderId: cardholderId === undefined ? undefined : uuid(cardholderId, 'cardholder_id'),
    currency,
    limit,
    cardType,
    spendingControls,
    riskControls,
    metadata,
    usageType,
    autoCancelTrigger,
    expiryAt,
  };
}

/** An empty string reads as absent, as the API's own forms send blanks for unset fields. */
function present(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}

function readSpendingControls(body: Body): SpendingControl[] {
  return (optionalArray(body, 'spending_controls') ?? []).map((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw badParameters();
    const control = item as Record<string, unknown>;
    const amount = optionalNumber(control, 'amount');
    const interval = requiredString(control, 'interval');
    if (amount === undefined) throw badParameters();
    if (amount < 0) throw invalidField({ path: `spending_controls[${i}].amount`, rule: 'must be at least 0' });
    if (!INTERVALS.includes(interval)) {
      throw invalidField({ path: `spending_controls[${i}].interval`, rule: `must be one of ${INTERVALS.join(', ')}` });
    }
    return { amount, interval };
  });
}

function readMetadata(body: Body): Record<string, string> {
  const source = optionalObject(body, 'metadata');
  if (!source) return {};
  for (const value of Object.values(source)) if (typeof value !== 'string') throw badParameters();
  if (Buffer.byteLength(JSON.stringify(source)) > METADATA_MAX_BYTES) {
    throw invalidField({ path: 'metadata', rule: `must be at most ${METADATA_MAX_BYTES} bytes` });
  }
  return { ...(source as Record<string, string>) };
}
