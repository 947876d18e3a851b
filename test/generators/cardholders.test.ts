import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { cardholderScenarios } from '../../generators/scenarios/cardholders.ts';
import { explain, useMockEnvironment } from '../__helpers__/mock-env.ts';

const harness = useMockEnvironment();

describe('cardholder scenarios', () => {
  it('cover every documented (cardholder entry, operation) pair exactly once', () => {
    const documented = loadCatalog()
      .entries.filter((e) => e.id.startsWith('cardholder.'))
      .flatMap((e) => (Array.isArray(e.operations) ? e.operations.map((op) => `${e.id} @ ${op}`) : []));
    const covered = cardholderScenarios.map((s) => `${s.entry} @ ${s.operation}`);
    expect(covered.length).toBe(new Set(covered).size);
    expect([...covered].sort()).toEqual([...documented].sort());
  });

  it.each(cardholderScenarios.map((s) => [`${s.operation} › ${s.entry} (${s.fault})`, s] as const))(
    'pass against the built-in mock: %s',
    async (_, scenario) => {
      const result = await harness.run(scenario);
      expect(result.outcome, explain(result)).toBe('pass');
    },
  );
});
