// Runs every scenario once against a mock through a real session (scoped faults, shared token), at a given
// concurrency, and returns each case's result by its stable title.

import { allScenarios } from '../../generators/index.ts';
import { mapConcurrent } from '../../harness/pool.ts';
import { type CaseResult, runScenario } from '../../harness/run-scenario.ts';
import { createSession } from '../../harness/session.ts';
import { scenarioTitles } from '../../suites/case-meta.ts';

export const titles = scenarioTitles(allScenarios);

export async function runAll(baseUrl: string, seed: number, concurrency: number): Promise<Map<string, CaseResult>> {
  const session = createSession({ baseUrl, kind: 'mock', seed });
  try {
    const results = await mapConcurrent(allScenarios, concurrency, (scenario) => runScenario(scenario, session.env));
    return new Map(allScenarios.map((s, i) => [titles.get(s) ?? s.entry, results[i] as CaseResult]));
  } finally {
    await session.close();
  }
}
