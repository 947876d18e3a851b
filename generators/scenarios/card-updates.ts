// Scenarios for Update Card (mock/RULES.md §Cards, "Update Card"), except the {card_id} rows (card-id-rows.ts) and
// the armed Convert data error. Every request here changes its card, so each scenario builds its own cards.

import type { EntryId } from '../../catalog/ids.ts';
import { newCard } from '../arrange.ts';
import { byCard } from '../requests.ts';
import type { Scenario, ScenarioContext } from '../types.ts';
import { cardGuardScenarios } from './card-guards.ts';

const OP = 'Update Card';
const METADATA = { metadata: { purpose: 'conformance' } };

/** A shared-limit (SHARE mode) card: the only kind whose card_limit can change. */
const shareCard = (ctx: ScenarioContext) => newCard(ctx, { product: 'shared' });
const perTransaction = (amount: number) => ({ spending_controls: [{ amount, interval: 'PER_TRANSACTION' }] });

/** The same card takes the faulty body (refused, so nothing changes) and then the twin one. */
function sameCard(
  entry: EntryId,
  fault: string,
  faulty: Record<string, unknown>,
  twin: Record<string, unknown>,
  card: (ctx: ScenarioContext) => Promise<string> = (ctx) => newCard(ctx),
): Scenario {
  return {
    entry,
    operation: OP,
    fault,
    provoke: async (ctx) => {
      const cardId = await card(ctx);
      return { faulty: byCard(OP, cardId, faulty), twin: byCard(OP, cardId, twin) };
    },
  };
}

/** The same body sent to a card with the fault, then to a new card without it. */
function otherCard(
  entry: EntryId,
  fault: string,
  body: Record<string, unknown>,
  faultyCard: (ctx: ScenarioContext) => Promise<string>,
  validCard: (ctx: ScenarioContext) => Promise<string> = (ctx) => newCard(ctx),
): Scenario {
  return {
    entry,
    operation: OP,
    fault,
    provoke: async (ctx) => ({
      faulty: byCard(OP, await faultyCard(ctx), body),
      twin: byCard(OP, await validCard(ctx), body),
    }),
  };
}

export const cardUpdateScenarios: Scenario[] = [
  ...cardGuardScenarios(OP, METADATA, { expired: 'card.b.the_card_has_expired' }),
  // Well past the 3200-byte limit, so the verdict does not hang on how the bytes are counted.
  sameCard(
    'card.b.metadata_is_invalid',
    'metadata over 3200 bytes',
    { metadata: { note: 'x'.repeat(3300) } },
    { metadata: { note: 'x'.repeat(3000) } },
  ),
  sameCard(
    'card.b.spending_controls_is_error',
    'spending control with an unknown interval',
    { spending_controls: [{ amount: 50, interval: 'HOURLY' }] },
    { spending_controls: [{ amount: 50, interval: 'DAILY' }] },
  ),
  sameCard(
    'card.b.risk_control_setting_is_not_allowed',
    'both allowed_mcc and blocked_mcc',
    { risk_controls: { allowed_mcc: ['5734'], blocked_mcc: ['7995'] } },
    { risk_controls: { allowed_mcc: ['5734'] } },
  ),
  sameCard(
    'card.b.restrict_config_error',
    'allowed_mcc outside the MCCs the product permits',
    { risk_controls: { allowed_mcc: ['7995'] } },
    { risk_controls: { allowed_mcc: ['5734'] } },
    (ctx) => newCard(ctx, { product: 'restricted-mcc' }),
  ),
  otherCard(
    'card.b.the_single_card_not_support_changing_card_limits',
    'card_limit on a SINGLE-mode card',
    { card_limit: 200 },
    (ctx) => newCard(ctx),
    shareCard,
  ),
  sameCard(
    'card.b.failed_update_card_limit_should_be_greater_than_0',
    'card_limit 0',
    { card_limit: 0 },
    { card_limit: 50 },
    shareCard,
  ),
  sameCard(
    'card.b.failed_update_your_transaction_limit_should_be_greater_than_0',
    'PER_TRANSACTION amount 0',
    perTransaction(0),
    perTransaction(10),
  ),
  sameCard(
    'card.b.failed_update_card_limit_should_be_greater_than_per_transaction',
    'card_limit below the PER_TRANSACTION amount sent with it',
    { card_limit: 50, ...perTransaction(80) },
    { card_limit: 50, ...perTransaction(40) },
    shareCard,
  ),
  {
    entry: 'card.b.update_card_limit_is_less_than_the_amount_of_used_card',
    operation: OP,
    fault: 'card_limit below the amount already spent',
    provoke: async (ctx) => {
      const cardId = await shareCard(ctx);
      await ctx.arrange({
        operation: 'Simulate Authorization',
        body: {
          card_id: cardId,
          transaction_amount: 30,
          transaction_currency: 'SGD',
          merchant_name: ctx.data.merchantName(),
          merchant_category_code: '5734',
        },
      });
      return { faulty: byCard(OP, cardId, { card_limit: 20 }), twin: byCard(OP, cardId, { card_limit: 40 }) };
    },
  },
  sameCard(
    'card.b.no_pin_payment_amount_failed',
    'negative no_pin_payment_amount',
    { no_pin_payment_amount: -1 },
    { no_pin_payment_amount: 100 },
  ),
  otherCard(
    'card.b.the_no_pin_payment_amount_restrict_configuration_cannot_be_found',
    'card of a product without a no-PIN configuration',
    { no_pin_payment_amount: 100 },
    (ctx) => newCard(ctx, { product: 'no-pin-config-missing' }),
  ),
  // Far above any product's no-PIN maximum, so the scenario does not depend on the product's exact figure.
  sameCard(
    'card.b.invalid_no_pin_payment_amount_for_the_current_currency',
    'no_pin_payment_amount above the product maximum',
    { no_pin_payment_amount: 1_000_000 },
    { no_pin_payment_amount: 100 },
  ),
  otherCard(
    'card.b.update_card_error',
    'card the issuer refuses to update',
    METADATA,
    async (ctx) => (await ctx.fixtures.card('issuer-failing')).id,
  ),
];
