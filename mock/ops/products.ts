// List Products: not an operation of the error page, but the real API has it and integrations call it first to
// find a card_product_id, so the mock serves it (with the page's general rows, like any authenticated call).

import { type OpHandler, ok } from './context.ts';
import { page, pagination } from './fields.ts';

export const listProducts: OpHandler = (ctx) => {
  const paging = pagination(ctx.query);
  const products = [...ctx.world.products.values()]
    .filter((p) => p.accountId === ctx.account.id || p.accountId === ctx.account.parentId)
    .map((p) => ({
      product_id: p.id,
      mode_type: p.modeType,
      card_bin: p.bin,
      card_form: p.forms.map((f) => (f === 'VIRTUAL' ? 'VIR' : 'PHY')),
      max_card_quota: p.accountQuota,
      card_scheme: p.scheme,
      card_currency: p.currencies,
      product_status: p.status,
      no_pin_payment_amount: Object.entries(p.noPinMaximum ?? {}).map(([currency, amount]) => ({
        amount: String(amount),
        currency,
      })),
      kyc_level: p.kycLevel,
      required_fields: (p.requiredFields ?? []).map((name) => ({ name, type: 'string', required: true })),
      create_time: p.createdAt.toISOString(),
      update_time: p.createdAt.toISOString(),
    }));
  return ok(page(products, paging));
};
