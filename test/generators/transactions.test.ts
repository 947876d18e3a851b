import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transactionScenarios } from '../../generators/scenarios/transactions.ts';
import { explain, type MockEnvironment, mockEnvironment } from '../__helpers__/mock-env.ts';

let harness: MockEnvironment;
beforeAll(async () => {
  harness = await mockEnvironment();
});
afterAll(() => harness.close());

describe('transaction and simulator scenarios against the built-in mock', () => {
  it.each(transactionScenarios.map((s) => [`${s.operation} › ${s.entry} (${s.fault})`, s] as const))(
    '%s',
    async (_, scenario) => {
      const result = await harness.run(scenario);
      expect(result.outcome, explain(result)).toBe('pass');
    },
  );
});
