import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardStatusScenarios } from '../../generators/scenarios/card-status-updates.ts';
import { cardUpdateScenarios } from '../../generators/scenarios/card-updates.ts';
import { explain, type MockEnvironment, mockEnvironment } from '../__helpers__/mock-env.ts';

let harness: MockEnvironment;
beforeAll(async () => {
  harness = await mockEnvironment();
});
afterAll(() => harness.close());

describe('Update Card and Update Card Status scenarios against the built-in mock', () => {
  const scenarios = [...cardUpdateScenarios, ...cardStatusScenarios];
  it.each(scenarios.map((s) => [`${s.operation} › ${s.entry} (${s.fault})`, s] as const))('%s', async (_, scenario) => {
    const result = await harness.run(scenario);
    expect(result.outcome, explain(result)).toBe('pass');
  });
});
