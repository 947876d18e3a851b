// Shared shape of the Create Card scenarios: a faulty request and its valid twin built from the standard Create Card
// body (generators/arrange.ts), differing only in the options each names.

import type { EntryId } from '../../catalog/ids.ts';
import type { RequestSpec } from '../../contract/request.ts';
import { type CardOptions, createCardBody, rotatingCardholder } from '../arrange.ts';
import type { Provocation, Scenario, ScenarioContext } from '../types.ts';

export const CREATE_CARD = 'Create Card';

type Options = CardOptions | ((ctx: ScenarioContext) => CardOptions | Promise<CardOptions>);

export function createCardScenario(
  entry: EntryId,
  fault: string,
  provoke: (ctx: ScenarioContext) => Promise<Provocation>,
): Scenario {
  return { entry, operation: CREATE_CARD, fault, provoke };
}

/** A Create Card request for the options; onBehalfOf becomes the header, the rest the body. */
export async function createCardRequest(ctx: ScenarioContext, options: CardOptions): Promise<RequestSpec> {
  const spec: RequestSpec = { operation: CREATE_CARD, body: await createCardBody(ctx, options) };
  if (options.onBehalfOf) spec.onBehalfOf = options.onBehalfOf;
  return spec;
}

/**
 * Faulty and twin requests for the same cardholder (unless an option names another), differing only in the
 * options given; an omitted twin is the standard request.
 */
export function twinScenario(entry: EntryId, fault: string, faulty: Options, twin: Options = {}): Scenario {
  return createCardScenario(entry, fault, async (ctx) => {
    const cardholderId = await rotatingCardholder(ctx);
    const resolve = async (options: Options) => ({
      cardholderId,
      ...(typeof options === 'function' ? await options(ctx) : options),
    });
    return {
      faulty: await createCardRequest(ctx, await resolve(faulty)),
      twin: await createCardRequest(ctx, await resolve(twin)),
    };
  });
}

/** An ISO 8601 time this many days from now. */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}
