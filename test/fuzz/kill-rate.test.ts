// Every fuzz property has teeth: the kill rate of npm run selfcheck's fuzz section, on few runs, is 100 %. Each rule
// with its boundary moved by one unit outwards and inwards, each structural property against a 200 for a refused
// shape, each idempotency property against a mock that forgets what it checks — each falsified by its own property
// from generated cases alone (no edge examples). The variants come from the rule table: a new rule is covered.

import { describe, expect, it } from 'vitest';
import { IDEMPOTENCY_PROPERTIES } from '../../fuzz/idempotency.ts';
import { fuzzKillRate } from '../../fuzz/kill-rate.ts';
import { allKillVariants } from '../../fuzz/kill-variants.ts';
import { RULES, ruleProperties } from '../../fuzz/rules/index.ts';
import { allStructuralProperties } from '../../fuzz/structural.ts';
import { BUILT_IN_SETTLE_MS } from '../../mock/options.ts';
import { startMock } from '../../mock/server.ts';
import { fuzzHarness, unexpected } from '../__helpers__/fuzz-env.ts';

/** Generous: these tests start servers, and share two cores with other test files. */
const SLOW_MS = 180_000;

describe('the fuzz kill rate', { timeout: SLOW_MS }, () => {
  it('has a variant per rule property, twin, structural and idempotency property', () => {
    const own = allKillVariants().map((v) => v.property.name);
    const expected = [...RULES.flatMap(ruleProperties), ...allStructuralProperties(), ...IDEMPOTENCY_PROPERTIES].map(
      (p) => p.name,
    );
    expect(own.sort()).toEqual(expected.sort());
  });

  it('is 100 %: every variant is falsified by its own property, from generated cases only', async () => {
    const rate = await fuzzKillRate({ seed: 1, numRuns: 10, concurrency: 4 });
    expect(rate.baseline_broken).toEqual([]);
    const survivors = rate.variants.filter((v) => !v.killed).map((v) => `${v.variant}: ${v.outcome} ${v.reason}`);
    expect(survivors.join('\n')).toBe('');
    expect(rate.killed).toBe(rate.total);
  });

  it('the duplicate property meets request_being_processed on the mock (the first copy is held)', async () => {
    const mock = await startMock({ seed: 1, settleMs: BUILT_IN_SETTLE_MS });
    const harness = await fuzzHarness(mock);
    try {
      const concurrent = IDEMPOTENCY_PROPERTIES.filter((p) => p.entry === 'general.request_being_processed');
      expect(unexpected(await harness.run(concurrent, 5), 'pass')).toBe('');
      expect(mock.services.produced.get('general.request_being_processed|Card Recharge')).toBeGreaterThanOrEqual(5);
    } finally {
      await harness.close();
    }
  });
});
