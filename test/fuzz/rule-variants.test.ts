// Every rule property and twin holds against the faithful mock, its edge examples first. That each of them can
// fail, found by generation alone, is the kill rate's job (test/fuzz/kill-rate.test.ts).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES, ruleProperties } from '../../fuzz/rules/index.ts';
import { startMock } from '../../mock/server.ts';
import { type FuzzHarness, fuzzHarness, unexpected } from '../__helpers__/fuzz-env.ts';

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
