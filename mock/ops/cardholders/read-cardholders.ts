// Reading cardholders: List Cardholders (paginated, newest first, optional cardholder_status filter) and Retrieve
// Cardholder. Deactivated cardholders are gone for both, as "cardholder not found or deactivated" implies.

import { invalidField } from '../../errors.ts';
import { type OpHandler, ok } from '../context.ts';
import { page, pagination, queryString, uuid } from '../fields.ts';
import { resolveCardholder } from '../lookup.ts';
import { renderCardholder } from '../render.ts';

const STATUSES = ['PENDING', 'SUCCESS', 'INCOMPLETE', 'FAILED'];

export const listCardholders: OpHandler = (ctx) => {
  const paging = pagination(ctx.query);
  const status = queryString(ctx.query, 'cardholder_status');
  if (status !== undefined && !STATUSES.includes(status)) {
    throw invalidField({ path: 'cardholder_status', rule: `must be one of ${STATUSES.join(', ')}` });
  }
  // Reversed first so that cardholders created in the same millisecond still list newest first.
  const holders = [...ctx.world.cardholders.values()]
    .reverse()
    .filter((h) => h.accountId === ctx.account.id && h.active)
    .filter((h) => status === undefined || h.status === status)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return ok(page(holders, paging, (h) => renderCardholder(ctx.world, h)));
};

export const retrieveCardholder: OpHandler = (ctx) => {
  const holder = resolveCardholder(ctx, uuid(ctx.params.cardholder_id ?? '', 'cardholder_id'));
  return ok(renderCardholder(ctx.world, holder));
};
