// Proof that each kind of check can fail: for every catalog entry and every way of breaking it (message, status,
// type, code, an extra field, a dropped message), a mock with exactly that defect must make the entry's scenario fail.

import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { allScenarios } from '../../generators/index.ts';
import type { Scenario } from '../../generators/types.ts';
import { runScenario } from '../../harness/run-scenario.ts';
import { createSession } from '../../harness/session.ts';
import { startMock } from '../../mock/server.ts';
import { type DefectKind, defectVariant, type MockVariant } from '../../mock/variants.ts';

const catalog = loadCatalog();
const KINDS: DefectKind[] = ['message', 'status', 'type', 'code', 'extra-field', 'missing-message'];
const firstScenario = new Map<string, Scenario>();
for (const scenario of allScenarios)
  if (!firstScenario.has(scenario.entry)) firstScenario.set(scenario.entry, scenario);

const cases = catalog.entries.flatMap((entry) =>
  KINDS.flatMap((kind) => {
    const variant = defectVariant(entry, kind);
    const scenario = firstScenario.get(entry.id);
    return variant && scenario ? [{ name: variant.name, variant, scenario }] : [];
  }),
);

async function outcomeAgainst(variant: MockVariant | null, scenario: Scenario) {
  const mock = await startMock({ variant });
  const session = createSession({ baseUrl: mock.baseUrl, kind: 'mock', seed: 1 });
  try {
    return await runScenario(scenario, session.env);
  } finally {
    await session.close();
    await mock.close();
  }
}

describe('every entry has a scenario', () => {
  it('covers all 128 entries', () => {
    expect(catalog.entries.filter((e) => !firstScenario.has(e.id)).map((e) => e.id)).toEqual([]);
  });
});

describe('a defective mock makes the scenario fail', () => {
  it.each(cases)('$name', async ({ variant, scenario }) => {
    const result = await outcomeAgainst(variant, scenario);
    expect(result.outcome, result.reason).toBe('fail');
  });
});

describe('the same scenarios pass against the conformant mock', () => {
  it.each([...firstScenario.values()].map((s) => [s.entry, s] as const))('%s', async (_, scenario) => {
    const result = await outcomeAgainst(null, scenario);
    expect(result.outcome, result.reason).toBe('pass');
  });
});
