import { afterEach, describe, expect, it } from 'vitest';
// Cleanup at the end of a run: a card still PENDING is waited for and then cancelled, instead of being counted as
// "already cancelling" while it stays live.

import type { RequestSpec } from '../../contract/request.ts';
import { createCardBody } from '../../generators/arrange.ts';
import { cancelCard } from '../../harness/cancel-card.ts';
import { contextFor } from '../../harness/run-scenario.ts';
import { type MockEnvironment, mockEnvironment } from '../__helpers__/mock-env.ts';

let harness: MockEnvironment | undefined;
afterEach(() => harness?.close());

describe('cancelCard', () => {
  it('waits for a PENDING card to settle, then cancels it', async () => {
    harness = await mockEnvironment({ settleMs: 50 });
    const ctx = contextFor(harness.env);
    const issued = await ctx.arrange({ operation: 'Create Card', body: await createCardBody(ctx) });
    expect(issued.card_status).toBe('PENDING');
    const send = (spec: RequestSpec) => harness?.env.client.send(spec) ?? Promise.resolve(null);
    expect(await cancelCard(send, { cardId: String(issued.card_id), who: {} })).toBe(true);
    const read = await ctx.arrange({ operation: 'Retrieve Card', params: { card_id: String(issued.card_id) } });
    expect(read.card_status).toBe('PRE_CANCEL');
  });

  it('counts a card that stays PENDING as not cancelled', async () => {
    harness = await mockEnvironment({ settleMs: 60_000 });
    const ctx = contextFor(harness.env);
    const issued = await ctx.arrange({ operation: 'Create Card', body: await createCardBody(ctx) });
    const policy = { firstDelayMs: 1, factor: 2, maxDelayMs: 4, maxWaitMs: 1_000, maxPolls: 3 };
    const send = (spec: RequestSpec) => harness?.env.client.send(spec) ?? Promise.resolve(null);
    expect(await cancelCard(send, { cardId: String(issued.card_id), who: {} }, policy)).toBe(false);
  });
});
