// Requests the card-operation tests share: building cards over real HTTP, reading them back, and naming the catalog
// entries an answer matches.

import { expect } from 'vitest';
import type { ProductName } from '../../contract/fixtures.ts';
import type { RequestSpec } from '../../contract/request.ts';
import { byCard } from '../../generators/requests.ts';
import { matchCatalog } from '../../harness/judge.ts';
import type { MockEnvironment } from './mock-env.ts';

export type Json = Record<string, unknown>;

export function cardOps(harness: () => MockEnvironment) {
  const send = (spec: RequestSpec) => harness().env.client.send(spec);

  async function ok(spec: RequestSpec): Promise<Json> {
    const observed = await send(spec);
    expect(observed.status, observed.text).toBe(200);
    return observed.json as Json;
  }

  /** Every entry the answer matches (some entries share a body). */
  async function entries(spec: RequestSpec): Promise<string[]> {
    const observed = await send(spec);
    expect(observed.status, observed.text).toBeLessThan(500);
    return matchCatalog(harness().env.catalog, observed).map((e) => e.id);
  }

  /** A new card of the master account, issued to a new cardholder. */
  async function newCard(options: { product?: ProductName; limit?: number; extra?: Json } = {}): Promise<string> {
    const { env, mock } = harness();
    const holder = await ok({ operation: 'Create Cardholder', body: env.data.cardholder() });
    const created = await ok({
      operation: 'Create Card',
      body: {
        cardholder_id: holder.cardholder_id,
        card_product_id: mock.fixtures.products[options.product ?? 'standard'],
        card_currency: 'SGD',
        card_limit: options.limit ?? 100,
        ...options.extra,
      },
    });
    return String(created.card_id);
  }

  const card = (cardId: string, onBehalfOf?: string) => ok(byCard('Retrieve Card', cardId, undefined, onBehalfOf));

  async function balance(onBehalfOf?: string): Promise<number> {
    const body = await ok({
      operation: 'Retrieve Issuing Balance',
      body: { currency: 'SGD' },
      ...(onBehalfOf ? { onBehalfOf } : {}),
    });
    return Number(body.available_balance);
  }

  return { send, ok, entries, newCard, byCard, card, balance };
}
