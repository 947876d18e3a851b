// The shape of an Update Card body (uqpay-api.md §5.4; mock/RULES.md §1 step 10): every field optional; a field of
// the wrong JSON type is "Request parameters invalid". Values are judged later by the operation's rules, except
// no_pin_payment_amount, whose "not a number" has its own entry and so is kept as sent.

import { badParameters } from '../../errors.ts';
import type { RiskControls, SpendingControl } from '../../state/types.ts';
import { optionalArray, optionalNumber, optionalObject, requiredNumber, requiredString } from '../fields.ts';
import { readRiskControls } from './risk-controls.ts';

export interface UpdateCardBody {
  cardLimit: number | undefined;
  /** As sent: a non-number is judged by the no-PIN rules, not by the shape. */
  noPinPaymentAmount: unknown;
  spendingControls: SpendingControl[] | undefined;
  riskControls: RiskControls | undefined;
  metadata: Record<string, unknown> | undefined;
}

export function readUpdateCardBody(body: Readonly<Record<string, unknown>>): UpdateCardBody {
  return {
    cardLimit: optionalNumber(body, 'card_limit'),
    noPinPaymentAmount: body.no_pin_payment_amount ?? undefined,
    spendingControls: optionalArray(body, 'spending_controls')?.map(spendingControl),
    riskControls: readRiskControls(optionalObject(body, 'risk_controls')),
    metadata: optionalObject(body, 'metadata'),
  };
}

function spendingControl(item: unknown): SpendingControl {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) throw badParameters();
  const control = item as Record<string, unknown>;
  return { amount: requiredNumber(control, 'amount'), interval: requiredString(control, 'interval') };
}
