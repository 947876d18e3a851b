// A case's armed faults are cleared after it; a clear that fails is never ignored (issue 17).

import { describe, expect, it } from 'vitest';
import type { FixtureProvider } from '../../contract/fixture-provider.ts';
import { allScenarios } from '../../generators/index.ts';
import { afterClearingFaults } from '../../harness/clear-faults.ts';
import { type CaseResult, runScenario } from '../../harness/run-scenario.ts';
import { useMockEnvironment } from '../__helpers__/mock-env.ts';

const harness = useMockEnvironment();
const brokenClear = async () => {
  throw new Error('mock control DELETE /faults: {"error":"the control path is gone"}');
};

describe('clearing the faults a case armed', () => {
  it('turns a pass into an environment error that says the faults may still be armed', async () => {
    const scenario = allScenarios.find((s) => s.entry === 'general.api_error' && s.operation === 'Retrieve Card');
    if (!scenario) throw new Error('no general.api_error scenario on Retrieve Card');
    const real = harness.env.fixtures;
    // Every other call reaches the real mock; only the clear fails, as when its control path breaks mid-run.
    const fixtures: FixtureProvider = Object.assign(Object.create(real) as FixtureProvider, {
      clearFaults: brokenClear,
    });
    const result = await runScenario(scenario, { ...harness.env, fixtures });
    expect(result.outcome).toBe('error');
    expect(result.reason).toMatch(
      /^clearing the faults this case armed on the mock failed \(.*the control path is gone/u,
    );
    expect(result.reason).toContain('they may still be armed');
  });

  it('keeps a failure a failure, adding the problem to its reason', async () => {
    const failed = { outcome: 'fail', reason: 'status: expected 400, got 404', checks: [{}] } as unknown as CaseResult;
    const result = await afterClearingFaults(failed, brokenClear);
    expect(result.outcome).toBe('fail');
    expect(result.reason).toMatch(/^status: expected 400, got 404; also clearing the faults/u);
    expect(result.checks).toHaveLength(1);
  });

  it('clears after a case that armed a fault, and only then (most cases arm none)', async () => {
    const pick = (entry: string) => {
      const scenario = allScenarios.find((s) => s.entry === entry && s.operation === 'Retrieve Card');
      if (!scenario) throw new Error(`no ${entry} scenario on Retrieve Card`);
      return scenario;
    };
    const real = harness.env.fixtures;
    const clears: (string | undefined)[] = [];
    const fixtures: FixtureProvider = Object.assign(Object.create(real) as FixtureProvider, {
      clearFaults: async (scope?: string) => {
        clears.push(scope);
        await real.clearFaults(scope);
      },
    });
    const armsNone = await runScenario(pick('card.card_not_found'), { ...harness.env, fixtures });
    expect(armsNone.outcome).toBe('pass');
    expect(clears).toEqual([]);
    const armsOne = await runScenario(pick('general.api_error'), { ...harness.env, fixtures });
    expect(armsOne.outcome).toBe('pass');
    expect(clears).toHaveLength(1);
    expect(clears[0]).toMatch(/^[0-9a-f]{32}$/u);
  });
});
