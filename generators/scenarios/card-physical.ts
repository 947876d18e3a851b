// Scenarios for physical cards: Assign Card (a provisioned PAN to a cardholder), Activate Card (the mailer's code
// and a first PIN) and Reset Card PIN. Each valid twin that assigns or activates consumes a card of its own.

import type { RequestSpec } from '../../contract/request.ts';
import { newCardholder, physicalCard, sharedActiveCard } from '../arrange.ts';
import type { Scenario, ScenarioContext } from '../types.ts';

const PIN = '135790';

/** An Assign Card request for a pool card number (optionally for a sub-account). */
export function assign({
  cardholderId,
  cardNumber,
  onBehalfOf,
}: {
  cardholderId: string;
  cardNumber: string;
  onBehalfOf?: string;
}): RequestSpec {
  const spec: RequestSpec = {
    operation: 'Assign Card',
    body: { cardholder_id: cardholderId, card_number: cardNumber, card_currency: 'SGD', card_mode: 'SINGLE' },
  };
  if (onBehalfOf) spec.onBehalfOf = onBehalfOf;
  return spec;
}

function activate(
  { cardId, code }: { cardId: string; code: string },
  extra: Record<string, unknown> = {},
): RequestSpec {
  return { operation: 'Activate Card', body: { card_id: cardId, activation_code: code, pin: PIN, ...extra } };
}

function resetPin(cardId: string): RequestSpec {
  return { operation: 'Reset Card PIN', body: { card_id: cardId, pin: PIN } };
}

/** A code that differs from the given one in every digit. */
function wrongCode(code: string): string {
  return code.replace(/\d/gu, (d) => String((Number(d) + 1) % 10));
}

/** An assigned, not yet activated physical card. */
const unactivated = (ctx: ScenarioContext) => physicalCard(ctx, { activated: false });

const assignScenarios: Scenario[] = [
  {
    entry: 'card.b.card_bin_not_config',
    operation: 'Assign Card',
    fault: 'card number on a BIN the account has not configured',
    provoke: async (ctx) => {
      const holder = await newCardholder(ctx);
      return {
        faulty: assign({ cardholderId: holder, cardNumber: await ctx.fixtures.value('unconfigured_bin_card_number') }),
        twin: assign({ cardholderId: holder, cardNumber: (await ctx.fixtures.poolCard()).card_number }),
      };
    },
  },
  {
    entry: 'card.b.card_number_not_exist',
    operation: 'Assign Card',
    fault: 'card number on a configured BIN that is not provisioned',
    provoke: async (ctx) => {
      const holder = await newCardholder(ctx);
      return {
        faulty: assign({ cardholderId: holder, cardNumber: await ctx.fixtures.value('unpooled_card_number') }),
        twin: assign({ cardholderId: holder, cardNumber: (await ctx.fixtures.poolCard()).card_number }),
      };
    },
  },
  {
    entry: 'card.b.cardholder_card_quota_exceeded',
    operation: 'Assign Card',
    fault: 'cardholder already at the per-cardholder card cap',
    provoke: async (ctx) => {
      const pool = await ctx.fixtures.poolCard();
      return {
        faulty: assign({
          cardholderId: await ctx.fixtures.cardholder('at-account-quota'),
          cardNumber: pool.card_number,
        }),
        twin: assign({ cardholderId: await newCardholder(ctx), cardNumber: pool.card_number }),
      };
    },
  },
  {
    entry: 'card.b.account_card_quota_exceeded',
    operation: 'Assign Card',
    fault: 'acting as a sub-account at its card cap',
    provoke: async (ctx) => {
      // Cardholders belong to one account, so the twin acting as the caller needs a cardholder of the caller.
      const sub = await ctx.fixtures.subAccount('at-card-quota');
      const pool = await ctx.fixtures.poolCard();
      return {
        faulty: assign({ cardholderId: sub.cardholder_id, cardNumber: pool.card_number, onBehalfOf: sub.id }),
        twin: assign({ cardholderId: await newCardholder(ctx), cardNumber: pool.card_number }),
      };
    },
  },
];

/** Activate Card rows whose fault is the card itself: a fixture card against a freshly assigned one. */
const fixtureCardRows = [
  ['card.b.the_card_has_expired', 'expired-physical', 'expired physical card'],
  ['card.b.card_product_is_error', 'physical-misconfigured-product', 'card of a misconfigured product'],
  ['card.b.update_card_error', 'physical-issuer-failing', 'card the issuer refuses to update'],
] as const;

/** Activate Card rows whose fault is the no_pin_payment_amount value, on one freshly assigned card. */
const noPinRows = [
  ['card.b.no_pin_payment_amount_failed', 'ten', 'no_pin_payment_amount not a number'],
  ['card.b.negative_no_pin_payment_amount', -5, 'negative no_pin_payment_amount'],
  ['card.b.invalid_no_pin_payment_amount_precision', 10.125, 'no_pin_payment_amount with 3 decimals'],
  [
    'card.b.invalid_no_pin_payment_amount_for_the_current_currency',
    999_999,
    'no_pin_payment_amount above the SGD maximum',
  ],
] as const;

const activateScenarios: Scenario[] = [
  ...fixtureCardRows.map(
    ([entry, fixture, fault]): Scenario => ({
      entry,
      operation: 'Activate Card',
      fault,
      provoke: async (ctx) => {
        const card = await ctx.fixtures.card(fixture);
        const fresh = await unactivated(ctx);
        return {
          faulty: activate({
            cardId: card.id,
            code: card.activation_code ?? (await ctx.fixtures.activationCode(card.id)),
          }),
          twin: activate({ cardId: fresh.cardId, code: fresh.activationCode }),
        };
      },
    }),
  ),
  ...noPinRows.map(
    ([entry, amount, fault]): Scenario => ({
      entry,
      operation: 'Activate Card',
      fault,
      provoke: async (ctx) => {
        const { cardId, activationCode } = await unactivated(ctx);
        return {
          faulty: activate({ cardId, code: activationCode }, { no_pin_payment_amount: amount }),
          twin: activate({ cardId, code: activationCode }, { no_pin_payment_amount: 100 }),
        };
      },
    }),
  ),
  {
    entry: 'card.b.the_no_pin_payment_amount_restrict_configuration_cannot_be_found',
    operation: 'Activate Card',
    fault: 'no_pin_payment_amount on a product without a no-PIN configuration',
    provoke: async (ctx) => {
      const card = await ctx.fixtures.card('physical-no-pin-config');
      const code = card.activation_code ?? (await ctx.fixtures.activationCode(card.id));
      const fresh = await unactivated(ctx);
      return {
        faulty: activate({ cardId: card.id, code }, { no_pin_payment_amount: 100 }),
        twin: activate({ cardId: fresh.cardId, code: fresh.activationCode }, { no_pin_payment_amount: 100 }),
      };
    },
  },
  {
    entry: 'card.b.the_card_has_been_activated',
    operation: 'Activate Card',
    fault: 'card already activated',
    provoke: async (ctx) => {
      const done = await physicalCard(ctx, { activated: true });
      const fresh = await unactivated(ctx);
      return {
        faulty: activate({ cardId: done.cardId, code: done.activationCode }),
        twin: activate({ cardId: fresh.cardId, code: fresh.activationCode }),
      };
    },
  },
  {
    entry: 'card.b.invalid_activation_code',
    operation: 'Activate Card',
    fault: 'activation code other than the mailer’s',
    provoke: async (ctx) => {
      const { cardId, activationCode } = await unactivated(ctx);
      return {
        faulty: activate({ cardId, code: wrongCode(activationCode) }),
        twin: activate({ cardId, code: activationCode }),
      };
    },
  },
];

const resetPinScenarios: Scenario[] = [
  {
    entry: 'card.card_expired_error',
    operation: 'Reset Card PIN',
    fault: 'expired physical card',
    provoke: async (ctx) => ({
      faulty: resetPin((await ctx.fixtures.card('expired-physical')).id),
      twin: resetPin((await physicalCard(ctx, { activated: true })).cardId),
    }),
  },
  {
    entry: 'card.virtual_card_pin_error',
    operation: 'Reset Card PIN',
    fault: 'virtual card',
    provoke: async (ctx) => ({
      faulty: resetPin(await sharedActiveCard(ctx)),
      twin: resetPin((await physicalCard(ctx, { activated: true })).cardId),
    }),
  },
  {
    entry: 'card.status_not_supported',
    operation: 'Reset Card PIN',
    fault: 'physical card not yet activated',
    provoke: async (ctx) => ({
      faulty: resetPin((await unactivated(ctx)).cardId),
      twin: resetPin((await physicalCard(ctx, { activated: true })).cardId),
    }),
  },
];

export const cardPhysicalScenarios: Scenario[] = [...assignScenarios, ...activateScenarios, ...resetPinScenarios];
