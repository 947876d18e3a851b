import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Every success body of the mock validates against schemas/responses/: the test walks every operation (the
// documented ones and the extra ones), sends a valid request, and validates what comes back. A body missing a
// declared field, or carrying one with the wrong type, fails — proved on a real body with one field planted wrong.

import { EXTRA_OPERATIONS } from '../../catalog/extra-operations.ts';
import type { OperationName } from '../../catalog/ids.ts';
import { loadCatalog } from '../../catalog/load.ts';
import type { RequestSpec } from '../../contract/request.ts';
import type { ScenarioContext } from '../../generators/types.ts';
import { validRequest } from '../../generators/valid-requests.ts';
import { contextFor } from '../../harness/run-scenario.ts';
import { BUILT_IN_SETTLE_MS } from '../../mock/options.ts';
import { OPERATIONS_WITH_RESPONSE_SCHEMAS, responseViolations } from '../../schemas/responses/validate.ts';
import { type MockEnvironment, mockEnvironment } from '../__helpers__/mock-env.ts';

let harness: MockEnvironment;
let ctx: ScenarioContext;
beforeAll(async () => {
  harness = await mockEnvironment({ settleMs: BUILT_IN_SETTLE_MS });
  ctx = contextFor(harness.env);
  // Something in every list: a card transaction (and with it a card, a cardholder and ledger lines).
  await ctx.arrange(await validRequest(ctx, 'Simulate Authorization'));
});
afterAll(() => harness.close());

/** Valid requests of the operations valid-requests.ts does not build (they are not on the error page). */
const EXTRA_REQUESTS: Record<string, () => Promise<RequestSpec>> = {
  'List Products': async () => ({ operation: 'List Products' }),
  'Create Issuing Transfer': async () => ({ operation: 'Create Issuing Transfer', body: await transferBody() }),
  'Retrieve Issuing Transfer': async () => {
    const created = await ctx.arrange({ operation: 'Create Issuing Transfer', body: await transferBody() });
    return { operation: 'Retrieve Issuing Transfer', params: { transfer_id: String(created.transfer_id) } };
  },
  'Create Issuing Report': async () => ({
    operation: 'Create Issuing Report',
    body: { report_type: 'SETTLEMENT', start_time: '2000-01-01T00:00:00Z', end_time: '2100-01-01T00:00:00Z' },
  }),
};

async function transferBody() {
  const { account_id, sub_accounts } = harness.mock.fixtures;
  return { source_account_id: account_id, destination_account_id: sub_accounts.active.id, currency: 'SGD', amount: 1 };
}

/** The catalog's operations and the extra ones; the report download answers CSV, so it has no JSON schema. */
const operations = [...loadCatalog().operations, ...EXTRA_OPERATIONS].filter((o) => o.id !== 'retrieve_issuing_report');

describe('success bodies against schemas/responses/', () => {
  it('has a schema for every operation that answers JSON', () => {
    expect(OPERATIONS_WITH_RESPONSE_SCHEMAS).toEqual(operations.map((o) => o.id).sort());
  });

  it.each(operations.map((o) => [o.name, o] as const))('%s', async (name, op) => {
    const spec =
      name in EXTRA_REQUESTS ? await EXTRA_REQUESTS[name]?.() : await validRequest(ctx, name as OperationName);
    const observed = await harness.env.client.send(spec as RequestSpec);
    expect(observed.status, observed.text).toBe(200);
    expect(responseViolations(op.id, observed.json)).toEqual([]);
    // A list validates its items only if it has some.
    const data = (observed.json as { data?: unknown }).data;
    if (Array.isArray(data)) expect(data.length, `${name} listed nothing`).toBeGreaterThan(0);
  });

  it('validates a card while it is still PENDING', async () => {
    // A mock of its own that settles slowly, so the card is read inside the window before settlement.
    const slow = await mockEnvironment({ settleMs: 60_000 });
    try {
      const slowCtx = contextFor(slow.env);
      const issued = await slowCtx.arrange(await validRequest(slowCtx, 'Create Card'));
      const read = await slowCtx.arrange({ operation: 'Retrieve Card', params: { card_id: String(issued.card_id) } });
      expect(read.card_status).toBe('PENDING');
      expect(responseViolations('retrieve_card', read)).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it('fails a body with a declared field dropped, nulled or of the wrong type', async () => {
    const authorized = await ctx.arrange(await validRequest(ctx, 'Simulate Authorization'));
    const { transaction_fee: _, ...dropped } = authorized;
    expect(responseViolations('simulate_authorization', dropped)).toContain(
      "/ must have required property 'transaction_fee'",
    );
    expect(responseViolations('simulate_authorization', { ...authorized, wallet_type: null })).toContain(
      '/wallet_type must be string',
    );
    expect(responseViolations('simulate_authorization', { ...authorized, billing_amount: 1 }).length).toBeGreaterThan(
      0,
    );
  });
});
