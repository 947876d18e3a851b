// Proof that each kind of check can fail: for every catalog entry and every way of breaking it (message, status,
// type, code, an extra field, a dropped message), a mock with exactly that defect must make the entry's scenario fail,
// and the failed checks must include the one that owns that defect (OWN_CHECK): a planted status defect is caught by
// the status check, not only by whatever else happened to differ.

import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import type { CatalogEntry } from '../../catalog/types.ts';
import { allScenarios } from '../../generators/index.ts';
import type { Scenario } from '../../generators/types.ts';
import type { CheckName } from '../../harness/judge.ts';
import { runScenario } from '../../harness/run-scenario.ts';
import { createSession } from '../../harness/session.ts';
import { startMock } from '../../mock/server.ts';
import { type DefectKind, defectVariant, type MockVariant } from '../../mock/variants.ts';

const catalog = loadCatalog();
const KINDS: DefectKind[] = ['message', 'status', 'type', 'code', 'extra-field', 'missing-message'];
const firstScenario = new Map<string, Scenario>();
for (const scenario of allScenarios)
  if (!firstScenario.has(scenario.entry)) firstScenario.set(scenario.entry, scenario);

/**
 * The check that owns each planted defect. Envelope B has no type key, so a type added to it breaks the closed
 * envelope; an extra field is the envelope's too. A dropped message is the message check's (it expects the text).
 */
const OWN_CHECK: Record<DefectKind, (entry: CatalogEntry) => CheckName> = {
  message: () => 'message',
  status: () => 'status',
  type: (entry) => (entry.envelope === 'A' ? 'type' : 'envelope'),
  code: () => 'code',
  'extra-field': () => 'envelope',
  'missing-message': () => 'message',
};

const cases = catalog.entries.flatMap((entry) =>
  KINDS.flatMap((kind) => {
    const variant = defectVariant(entry, kind);
    const scenario = firstScenario.get(entry.id);
    return variant && scenario ? [{ name: variant.name, variant, scenario, own: OWN_CHECK[kind](entry) }] : [];
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
  it('covers every catalog entry', () => {
    expect(catalog.entries.filter((e) => !firstScenario.has(e.id)).map((e) => e.id)).toEqual([]);
  });
});

describe('a defective mock makes the scenario fail', () => {
  it.each(cases)('$name is caught by the $own check', async ({ variant, scenario, own }) => {
    const result = await outcomeAgainst(variant, scenario);
    expect(result.outcome, result.reason).toBe('fail');
    expect(
      result.checks.map((c) => c.check),
      result.reason,
    ).toContain(own);
  });
});

describe('the same scenarios pass against the conformant mock', () => {
  it.each([...firstScenario.values()].map((s) => [s.entry, s] as const))('%s', async (_, scenario) => {
    const result = await outcomeAgainst(null, scenario);
    expect(result.outcome, result.reason).toBe('pass');
  });
});
