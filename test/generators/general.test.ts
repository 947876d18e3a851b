import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generalScenarios } from '../../generators/scenarios/general.ts';
import { explain, type MockEnvironment, mockEnvironment } from '../__helpers__/mock-env.ts';

let harness: MockEnvironment;
beforeAll(async () => {
  harness = await mockEnvironment();
});
afterAll(() => harness.close());

describe('general-row scenarios against the built-in mock', () => {
  it.each(generalScenarios.map((s) => [`${s.operation} › ${s.entry} (${s.fault})`, s] as const))(
    '%s',
    async (_, scenario) => {
      const result = await harness.run(scenario);
      expect(result.outcome, explain(result)).toBe('pass');
    },
  );
});
