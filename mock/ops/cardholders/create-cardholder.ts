// Create Cardholder: the request shape, then the field rules of mock/RULES.md §Cardholders in their order, then the
// new cardholder. Products are not involved: THIRD_PARTY KYC settles after --settle-ms, SUMSUB_REDIRECT waits for the IDV.

import { invalidField } from '../../errors.ts';
import { type OpHandler, ok } from '../context.ts';
import { readCardholderInput } from './cardholder-input.ts';
import { createHolder, kycAnswer, taken } from './cardholder-model.ts';
import { checkFieldRules } from './field-rules.ts';
import { settleThirdPartyKyc } from './kyc-settlement.ts';

export const createCardholder: OpHandler = (ctx) => {
  const input = readCardholderInput(ctx.body, 'create', ctx.world.now());
  checkFieldRules(ctx, input, 'create');
  // Identity numbers are unique per account too; no cardholder_error entry covers this on Create Cardholder.
  const number = input.identity?.number;
  if (taken(ctx, 'identity', number)) {
    throw invalidField({ path: 'identity.number', rule: 'already used by another cardholder of the account' });
  }
  const holder = createHolder(ctx, input);
  settleThirdPartyKyc(ctx, holder, input);
  return ok(kycAnswer(ctx.world, holder, input));
};
