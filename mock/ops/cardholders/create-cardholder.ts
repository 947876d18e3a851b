// Create Cardholder. Minimal success path; the field rules of mock/RULES.md §Cardholders are still to come.

import { makeCardholder } from '../../state/factories.ts';
import { type OpHandler, ok } from '../context.ts';
import { requiredString } from '../fields.ts';

export const createCardholder: OpHandler = (ctx) => {
  const holder = makeCardholder(ctx.world, ctx.account.id, {
    email: requiredString(ctx.body, 'email'),
    firstName: requiredString(ctx.body, 'first_name'),
    lastName: requiredString(ctx.body, 'last_name'),
    countryCode: requiredString(ctx.body, 'country_code'),
    phoneNumber: requiredString(ctx.body, 'phone_number'),
  });
  return ok({ cardholder_id: holder.id, cardholder_status: holder.status });
};
