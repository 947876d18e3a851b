// Every rule property can fail: against a mock with that one rule moved by one unit, the outside property (the
// rule widened: the edge value outside is accepted) and the twin (the rule narrowed: the edge value inside is
// refused) must both be falsified. Against the faithful mock both must hold. A few runs each: the edge values are
// fast-check examples, tried first.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES, ruleLabel, ruleProperties } from '../../fuzz/rules/index.ts';
import { startRuleVariantMock } from '../../mock/rule-variants.ts';
import { startMock } from '../../mock/server.ts';
import { type FuzzHarness, fuzzHarness, unexpected } from '../__helpers__/fuzz-env.ts';
import { ruleVariant } from '../__helpers__/rule-variant.ts';

/** Generous: these tests start servers or processes, and share two cores with other test files. */
const SLOW_MS = 120_000;

const RUNS = 3;

describe('rule properties against the faithful mock', { timeout: SLOW_MS }, () => {
  let harness: FuzzHarness;
  beforeAll(async () => {
    harness = await fuzzHarness(await startMock({ seed: 1 }));
  }, SLOW_MS);
  afterAll(() => harness.close());

  it('every rule property and twin holds', async () => {
    const results = await harness.run(RULES.flatMap(ruleProperties), RUNS);
    expect(unexpected(results, 'pass')).toBe('');
  });
});

describe('rule properties against their rule moved by one unit', { timeout: SLOW_MS }, () => {
  it.concurrent.each(RULES.map((rule) => [ruleLabel(rule), rule] as const))('%s', async (_, rule) => {
    const harness = await fuzzHarness(await startRuleVariantMock(ruleVariant(rule), { seed: 1 }));
    try {
      const results = await harness.run(ruleProperties(rule), RUNS);
      expect(unexpected(results, 'fail')).toBe('');
      for (const r of results) {
        expect(r.counterexample, r.name).toBeTruthy();
        expect(r.curl, r.name).toMatch(/^curl -X /u);
      }
    } finally {
      await harness.close();
    }
  });
});
