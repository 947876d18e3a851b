// The one full run of every scenario in npm test (each scenario executed once for coverage, as the conformance
// suite runs them: concurrently, faults scoped per scenario). It proves that every scenario passes against the
// built-in mock, that the mock produced every documented (entry, operation) pair, that the same seed gives the same
// verdicts at concurrency 1 and 8, and that a second same-seed run on the state the first left passes too.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { allScenarios } from '../../generators/index.ts';
import type { CaseResult } from '../../harness/run-scenario.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';
import { buildCoverage, minCoverageProblem } from '../../reporting/coverage.ts';
import { runAll, titles } from '../__helpers__/full-run.ts';
import { explain } from '../__helpers__/mock-env.ts';

const SEED = 11;
const catalog = loadCatalog();
let mock: RunningMock;
let concurrent: Map<string, CaseResult>;

beforeAll(async () => {
  mock = await startMock({ seed: SEED });
  concurrent = await runAll(mock.baseUrl, SEED, 8);
}, 120_000);
afterAll(() => mock.close());

describe('every scenario against the built-in mock, 8 at a time', () => {
  it.each(allScenarios.map((s) => titles.get(s) ?? s.entry))('passes: %s', (title) => {
    const result = concurrent.get(title);
    expect(result?.outcome, result && explain(result)).toBe('pass');
  });

  it('covers 100 % of the documented contract: every entry and every (entry, operation) pair conformant', () => {
    const coverage = buildCoverage(
      catalog,
      [...concurrent].map(([title, r]) => ({ ...r, title })),
    );
    expect(coverage.uncovered).toEqual([]);
    expect(coverage.pairs.percent).toBe(100);
    expect(coverage.entries).toMatchObject({ total: catalog.entries.length, conformant: catalog.entries.length });
    expect(minCoverageProblem(coverage, 100)).toBeNull();
  });

  it('the mock produced every entry on each documented operation', () => {
    const produced = mock.services.produced;
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
  });
});

describe('the same seed', () => {
  const verdicts = (results: Map<string, CaseResult>) =>
    Object.fromEntries([...results].map(([title, r]) => [title, `${r.outcome} ${r.checks.map((c) => c.check)}`]));

  it('gives identical verdicts at concurrency 1 and 8', async () => {
    const fresh = await startMock({ seed: SEED });
    try {
      const sequential = await runAll(fresh.baseUrl, SEED, 1);
      expect(verdicts(sequential)).toEqual(verdicts(concurrent));
    } finally {
      await fresh.close();
    }
  }, 120_000);

  it('passes again when a second run meets the state the first one left', async () => {
    const second = await runAll(mock.baseUrl, SEED, 8);
    expect([...second.values()].filter((r) => r.outcome !== 'pass').map(explain)).toEqual([]);
  }, 120_000);
});
