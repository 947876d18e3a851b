// The scenario runner refuses a scenario that would credit the wrong pair: a faulty request on another operation than
// the one the scenario names is an error of the scenario (environment side), never a pass or a contract failure.

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../generators/types.ts';
import { useMockEnvironment } from '../__helpers__/mock-env.ts';

const harness = useMockEnvironment();

describe('runScenario', () => {
  it('is an error when the faulty request targets another operation than the scenario names', async () => {
    const misdirected: Scenario = {
      entry: 'card.card_not_found',
      operation: 'Retrieve Card',
      fault: 'unknown card id, sent to List Cards',
      provoke: async () => ({
        faulty: { operation: 'List Cards', query: { card_id: randomUUID() } },
        twin: { operation: 'List Cards' },
      }),
    };
    const result = await harness.run(misdirected);
    expect(result).toMatchObject({
      outcome: 'error',
      reason: 'the scenario names Retrieve Card but its faulty request targets List Cards',
      requests: 0,
      checks: [],
    });
  });
});
