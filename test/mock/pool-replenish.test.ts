import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../mock/server.ts';

// A long-lived mock serves run after run: its physical card pool must never silently run dry.
describe('the provisioned card pool', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(() => mock.close());

  it('is replenished when runs have assigned almost all of it', async () => {
    for (const card of mock.services.world.pool) card.assigned = true;
    const answer = await fetch(`${new URL(mock.baseUrl).origin}/__mock/pool`);
    const { available } = (await answer.json()) as { available: { card_number: string }[] };
    expect(available.length).toBeGreaterThan(0);
    const assigned = new Set(mock.services.world.pool.filter((p) => p.assigned).map((p) => p.pan));
    for (const card of available) expect(assigned.has(card.card_number)).toBe(false);
  });
});
