// The mock produces every catalog entry on each of its documented operations: all scenarios run against one mock,
// and the mock's own record of what it answered must cover every documented (entry, operation) pair. Then the whole
// set runs again on the same mock with the same seed, as a nightly run meets a sandbox that keeps yesterday's data.

import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { allScenarios } from '../../generators/index.ts';
import { runScenario } from '../../harness/run-scenario.ts';
import { createSession } from '../../harness/session.ts';
import { explain, useMockEnvironment } from '../__helpers__/mock-env.ts';

const catalog = loadCatalog();
const harness = useMockEnvironment({ seed: 11 });

describe('catalog coverage of the mock', () => {
  it('passes every scenario and produces every entry on each documented operation', async () => {
    const notPassed: string[] = [];
    for (const scenario of allScenarios) {
      const result = await harness.run(scenario);
      if (result.outcome !== 'pass') notPassed.push(explain(result));
    }
    expect(notPassed).toEqual([]);

    const produced = harness.mock.services.produced;
    const missing = catalog.entries.flatMap((entry) => {
      const operations =
        entry.operations === '*'
          ? [...new Set(allScenarios.filter((s) => s.entry === entry.id).map((s) => s.operation))]
          : entry.operations;
      return operations.filter((op) => !produced.has(`${entry.id}|${op}`)).map((op) => `${entry.id} on ${op}`);
    });
    expect(missing).toEqual([]);
    // The general rows are produced on every operation they apply to, not just one.
    expect(produced.has('general.unauthorized_error|Simulate Reversal')).toBe(true);
  }, 180_000);

  it('passes again when a second run with the same seed meets the state the first one left', async () => {
    const second = createSession({ baseUrl: harness.mock.baseUrl, kind: 'mock', seed: 11 });
    const notPassed: string[] = [];
    for (const scenario of allScenarios) {
      const result = await runScenario(scenario, second.env);
      if (result.outcome !== 'pass') notPassed.push(explain(result));
    }
    await second.close();
    expect(notPassed).toEqual([]);
  }, 180_000);
});
