// Update Cardholder, in order: the cardholder (not found or deactivated), the review lock on KYC fields, the field
// rules of mock/RULES.md §Cardholders (no name rules: names cannot change), then document_duplicated.

import { fail, invalidField } from '../../errors.ts';
import type { Cardholder } from '../../state/types.ts';
import { type OpContext, type OpHandler, ok } from '../context.ts';
import { uuid } from '../fields.ts';
import { resolveCardholder } from '../lookup.ts';
import { type CardholderInput, readCardholderInput } from './cardholder-input.ts';
import { applyInput, kycAnswer, taken } from './cardholder-model.ts';
import { checkFieldRules } from './field-rules.ts';
import { settleThirdPartyKyc } from './kyc-settlement.ts';

/** Fields that KYC review looks at; the others (email, phone, gender…) stay editable during review. */
const KYC_FIELDS: (keyof CardholderInput)[] = [
  'date_of_birth',
  'nationality',
  'residential_address',
  'delivery_address',
  'identity',
  'kyc_verification',
  'document_type',
  'document',
];

export const updateCardholder: OpHandler = (ctx) => {
  const id = uuid(ctx.params.cardholder_id ?? '', 'cardholder_id');
  const input = readCardholderInput(ctx.body, 'update', ctx.world.now());
  const holder = resolveCardholder(ctx, id);
  if (holder.status === 'PENDING' && KYC_FIELDS.some((name) => input[name] !== undefined)) {
    throw fail('cardholder.cardholder_cannot_update_during_review');
  }
  checkFieldRules(ctx, input, 'update', holder);
  const number = input.identity?.number;
  if (number !== undefined && holder.identity?.reviewed && holder.identity.number === number) {
    throw fail('cardholder.document_duplicated');
  }
  refuseTaken(ctx, holder, input);
  applyInput(holder, input);
  settleThirdPartyKyc(ctx, holder, input);
  return ok(kycAnswer(ctx.world, holder, input));
};

/** Email, phone and identity number stay unique per account; no cardholder_error entry covers an update. */
function refuseTaken(ctx: OpContext, holder: Cardholder, input: CardholderInput): void {
  if (taken(ctx, 'email', input.email, holder)) {
    throw invalidField({ path: 'email', rule: 'already used by another cardholder of the account' });
  }
  if (taken(ctx, 'phone', input.phone_number, holder)) {
    throw invalidField({ path: 'phone_number', rule: 'already used by another cardholder of the account' });
  }
  if (taken(ctx, 'identity', input.identity?.number, holder)) {
    throw invalidField({ path: 'identity.number', rule: 'already used by another cardholder of the account' });
  }
}
