// The cardholder scenarios cover every documented (cardholder entry, operation) pair exactly once. (That each of
// them passes against the mock is proven by test/suites/full-run.test.ts, which runs every scenario once.)

import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { cardholderScenarios } from '../../generators/scenarios/cardholders.ts';

describe('cardholder scenarios', () => {
  it('cover every documented (cardholder entry, operation) pair exactly once', () => {
    const documented = loadCatalog()
      .entries.filter((e) => e.id.startsWith('cardholder.'))
      .flatMap((e) => (Array.isArray(e.operations) ? e.operations.map((op) => `${e.id} @ ${op}`) : []));
    const covered = cardholderScenarios.map((s) => `${s.entry} @ ${s.operation}`);
    expect(covered.length).toBe(new Set(covered).size);
    expect([...covered].sort()).toEqual([...documented].sort());
  });
});
