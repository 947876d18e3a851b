// Create Card scenarios for the product rows and the card's own fields (mock/RULES.md, Create Card table up to
// invalid_expiry_at), plus the wrong content type the body step answers on this operation only.

import { createCardBody, rotatingCardholder } from '../arrange.ts';
import type { Scenario } from '../types.ts';
import { CREATE_CARD, createCardScenario, daysFromNow, twinScenario } from './create-card-twins.ts';

const oneTime = (trigger?: string) => ({
  extra: trigger === undefined ? { usage_type: 'ONE_TIME' } : { usage_type: 'ONE_TIME', auto_cancel_trigger: trigger },
});

export const createCardFieldScenarios: Scenario[] = [
  twinScenario('card.product_not_found', 'disabled card product', { product: 'disabled' }),
  twinScenario('card.b.not_found_card_products', "another account's card product", { product: 'foreign' }),
  twinScenario('card.operation_not_authorized', 'product whose card type the account may not issue', {
    product: 'unauthorized-type',
  }),
  twinScenario('card.b.card_product_is_error', 'misconfigured card product', { product: 'misconfigured' }),
  twinScenario('card.b.the_card_product_currently_does_not_support_creation', 'product closed for new cards', {
    product: 'creation-closed',
  }),
  twinScenario('card.b.card_bin_not_config', 'product on a BIN the account has not configured', {
    product: 'bin-unconfigured',
  }),
  twinScenario(
    'card.b.invalid_card_type',
    'PHYSICAL card_type on a virtual-only product',
    { product: 'shared', extra: { card_type: 'PHYSICAL' } },
    { product: 'shared', extra: { card_type: 'VIRTUAL' } },
  ),
  twinScenario('card.b.card_currency_is_not_support', 'card_currency EUR', { currency: 'EUR' }),
  twinScenario(
    'card.currency_not_allowed',
    'USD on an SGD-only product',
    { product: 'sgd-only', currency: 'USD' },
    { product: 'sgd-only', currency: 'SGD' },
  ),
  twinScenario('card.b.card_limit_is_illegal', 'negative card_limit', { limit: -10 }, { limit: 10 }),
  // Far above any product's maximum, so the fault holds whatever the target's product allows.
  twinScenario('card.limit_out_of_range', 'card_limit above the product maximum', { limit: 1_000_000_000 }),
  twinScenario(
    'card.b.exceed_restrict_max_authorization_amount',
    'PER_TRANSACTION control above the product maximum authorization amount',
    { extra: { spending_controls: [{ interval: 'PER_TRANSACTION', amount: 1_000_000_000 }] } },
    { extra: { spending_controls: [{ interval: 'PER_TRANSACTION', amount: 50 }] } },
  ),
  twinScenario(
    'card.risk_control_not_allowed',
    'risk_controls with both allowed_mcc and blocked_mcc',
    { extra: { risk_controls: { allowed_mcc: ['5734'], blocked_mcc: ['7995'] } } },
    { extra: { risk_controls: { blocked_mcc: ['7995'] } } },
  ),
  twinScenario(
    'card.auto_cancel_trigger_cannot_be_empty',
    'ONE_TIME card without auto_cancel_trigger',
    oneTime(),
    oneTime('ON_AUTH'),
  ),
  twinScenario(
    'card.invalid_auto_cancel_trigger',
    'auto_cancel_trigger outside ON_AUTH / ON_CAPTURE',
    oneTime('ON_SETTLEMENT'),
    oneTime('ON_CAPTURE'),
  ),
  twinScenario(
    'card.expiry_at_cannot_be_empty',
    'no expiry_at on a product that requires one',
    { product: 'requires-expiry' },
    () => ({ product: 'requires-expiry', extra: { expiry_at: daysFromNow(180) } }),
  ),
  twinScenario(
    'card.invalid_expiry_at',
    'expiry_at in the past',
    () => ({ extra: { expiry_at: daysFromNow(-1) } }),
    () => ({ extra: { expiry_at: daysFromNow(180) } }),
  ),
  createCardScenario(
    'card.b.content_type_is_not_supported_please_upload_the_correct_format',
    'JSON body sent as text/plain',
    async (ctx) => {
      const body = await createCardBody(ctx, { cardholderId: await rotatingCardholder(ctx) });
      return {
        faulty: { operation: CREATE_CARD, rawBody: JSON.stringify(body), contentType: 'text/plain' },
        twin: { operation: CREATE_CARD, body },
      };
    },
  ),
];
