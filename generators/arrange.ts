// Arrange steps the scenarios share: real API calls that build the state a fault needs. Values that no scenario
// changes are built once per run through ctx.shared; anything a request will change is built fresh.

import type { PoolCard } from '../contract/fixture-provider.ts';
import type { ProductName } from '../contract/fixtures.ts';
import type { RequestSpec } from '../contract/request.ts';
import { awaitCardholderKyc, awaitIssuedCard } from './await-card.ts';
import { ArrangeError, type ScenarioContext } from './types.ts';

export interface CardOptions {
  product?: ProductName;
  productId?: string;
  cardholderId?: string;
  onBehalfOf?: string;
  currency?: string;
  limit?: number;
  extra?: Record<string, unknown>;
}

export async function newCardholder(
  ctx: ScenarioContext,
  overrides: Record<string, unknown> = {},
  onBehalfOf?: string,
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const spec: RequestSpec = { operation: 'Create Cardholder', body: ctx.data.cardholder(overrides) };
    if (onBehalfOf) spec.onBehalfOf = onBehalfOf;
    try {
      const created = await ctx.arrange(spec);
      await awaitCardholderKyc(ctx, created, onBehalfOf);
      return String(created.cardholder_id);
    } catch (error) {
      // A lasting target (the sandbox, a second run on one mock) keeps earlier runs' cardholders: a fresh phone
      // number drawn by this run can be one of theirs. Another draw is a new number; a phone the scenario chose is not.
      if (attempt < PHONE_DRAWS && !('phone_number' in overrides) && phoneTaken(error)) continue;
      throw error;
    }
  }
}

/** Phone numbers an arranged cardholder tries before its refusal stands. */
const PHONE_DRAWS = 3;

function phoneTaken(error: unknown): boolean {
  const answer = error instanceof ArrangeError ? (error.observed?.json as { code?: unknown } | undefined) : undefined;
  return answer?.code === 'phone_number_duplicated';
}

/** A cardholder no scenario changes (cards may be issued to it). */
export function sharedCardholder(ctx: ScenarioContext): Promise<string> {
  return ctx.shared.once('cardholder', () => newCardholder(ctx));
}

/** Cards issued to one shared cardholder before the next one is used: below any per-cardholder cap. */
const CARDS_PER_SHARED_HOLDER = 3;

/** A shared cardholder that can still take a card; rotates so no cardholder reaches a card quota. */
export function rotatingCardholder(ctx: ScenarioContext): Promise<string> {
  const slot = Math.floor(ctx.shared.next('card-holder-slot') / CARDS_PER_SHARED_HOLDER);
  return ctx.shared.once(`card-holder-${slot}`, () => newCardholder(ctx));
}

/** The body of a valid Create Card request for the standard product (or the one given). */
export async function createCardBody(
  ctx: ScenarioContext,
  options: CardOptions = {},
): Promise<Record<string, unknown>> {
  const productId = options.productId ?? (await ctx.fixtures.product(options.product ?? 'standard'));
  return {
    cardholder_id: options.cardholderId ?? (await rotatingCardholder(ctx)),
    card_product_id: productId,
    card_currency: options.currency ?? 'SGD',
    card_limit: options.limit ?? 100,
    ...options.extra,
  };
}

export async function newCard(ctx: ScenarioContext, options: CardOptions = {}): Promise<string> {
  const spec: RequestSpec = { operation: 'Create Card', body: await createCardBody(ctx, options) };
  if (options.onBehalfOf) spec.onBehalfOf = options.onBehalfOf;
  const created = await ctx.arrange(spec);
  await awaitIssuedCard(ctx, created, options.onBehalfOf);
  return String(created.card_id);
}

/** An ACTIVE virtual card that no scenario changes (reads, refused requests, harmless updates). */
export function sharedActiveCard(ctx: ScenarioContext): Promise<string> {
  return ctx.shared.once('active-card', () => newCard(ctx));
}

export async function setCardStatus(ctx: ScenarioContext, cardId: string, status: string, onBehalfOf?: string) {
  const spec: RequestSpec = {
    operation: 'Update Card Status',
    params: { card_id: cardId },
    body: { card_status: status, update_reason: 'conformance arrange' },
  };
  if (onBehalfOf) spec.onBehalfOf = onBehalfOf;
  await ctx.arrange(spec);
}

/** A new card, frozen. */
export async function frozenCard(ctx: ScenarioContext, options: CardOptions = {}): Promise<string> {
  const cardId = await newCard(ctx, options);
  await setCardStatus(ctx, cardId, 'FROZEN', options.onBehalfOf);
  return cardId;
}

/** A valid Assign Card request: the next provisioned pool card, to a new cardholder. */
export async function assignCardRequest(ctx: ScenarioContext): Promise<{ request: RequestSpec; pool: PoolCard }> {
  const pool = await ctx.fixtures.poolCard();
  const body = {
    cardholder_id: await newCardholder(ctx),
    card_number: pool.card_number,
    card_currency: 'SGD',
    card_mode: 'SINGLE',
  };
  return { request: { operation: 'Assign Card', body }, pool };
}

/** A physical card from the provisioned pool, assigned to a new cardholder; activated when asked. */
export async function physicalCard(
  ctx: ScenarioContext,
  options: { activated: boolean },
): Promise<{ cardId: string; activationCode: string }> {
  const { request, pool } = await assignCardRequest(ctx);
  const assigned = await ctx.arrange(request);
  await awaitIssuedCard(ctx, assigned);
  const cardId = String(assigned.card_id);
  if (options.activated) {
    await ctx.arrange({
      operation: 'Activate Card',
      body: { card_id: cardId, activation_code: pool.activation_code, pin: '246810' },
    });
  }
  return { cardId, activationCode: pool.activation_code };
}
