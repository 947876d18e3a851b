import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardRechargeScenarios, cardWithdrawScenarios } from '../../generators/scenarios/card-funds.ts';
import { explain, type MockEnvironment, mockEnvironment } from '../__helpers__/mock-env.ts';

let harness: MockEnvironment;
beforeAll(async () => {
  harness = await mockEnvironment();
});
afterAll(() => harness.close());

describe('Card Recharge and Card Withdraw scenarios against the built-in mock', () => {
  const scenarios = [...cardRechargeScenarios, ...cardWithdrawScenarios];
  it.each(scenarios.map((s) => [`${s.operation} › ${s.entry} (${s.fault})`, s] as const))('%s', async (_, scenario) => {
    const result = await harness.run(scenario);
    expect(result.outcome, explain(result)).toBe('pass');
  });
});
