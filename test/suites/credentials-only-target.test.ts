// The sandbox path, rehearsed on the mock: a target treated as "not a mock", with credentials and no fixtures.
// Nothing may fail; every case that needs a state the target cannot be asked for skips, naming the setting to add
// or saying it needs the built-in mock; the standard product is found through List Products. The in-flight
// duplicates are attempted by timing, which rarely overlaps on a target this fast: errors must say so.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { allScenarios } from '../../generators/index.ts';
import { mapConcurrent } from '../../harness/pool.ts';
import { type CaseResult, runScenario } from '../../harness/run-scenario.ts';
import { createSession, type Session } from '../../harness/session.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';
import { buildCoverage, minCoverageProblem } from '../../reporting/coverage.ts';

const catalog = loadCatalog();

let mock: RunningMock;
let session: Session;
beforeAll(async () => {
  mock = await startMock({ seed: 5 });
  const credentials = mock.fixtures.credentials.default;
  session = createSession({
    baseUrl: mock.baseUrl,
    kind: 'other',
    seed: 5,
    env: { UQPAY_CLIENT_ID: credentials.client_id, UQPAY_API_KEY: credentials.api_key },
  });
});
afterAll(async () => {
  await session.close();
  await mock.close();
});

describe('a target with credentials and no fixtures', () => {
  it('passes or skips with a reason; never fails; errors only where the overlap could not be arranged', async () => {
    const results: CaseResult[] = await mapConcurrent(allScenarios, 8, (scenario) =>
      runScenario(scenario, session.env),
    );
    const overlap = results.filter((r) => r.entry === 'general.request_being_processed');
    expect(overlap.length).toBeGreaterThan(0);
    // The duplicate leaves 50 ms behind its first copy: on this mock the first is usually answered by then (an
    // error that says so), but on a loaded machine it may still be in flight, and then the overlap is judged.
    for (const r of overlap) {
      expect(`${r.outcome} ${r.reason}`).toMatch(/^(pass|error could not arrange the overlap|skip needs )/u);
    }
    const broken = results.filter(
      (r) => r.entry !== 'general.request_being_processed' && (r.outcome === 'error' || r.outcome === 'fail'),
    );
    expect(broken.map((r) => `${r.operation} › ${r.entry}: ${r.reason}`)).toEqual([]);
    const skipped = results.filter((r) => r.outcome === 'skip');
    for (const r of skipped)
      expect(r.reason).toMatch(
        /^needs (fixture .+: set UQPAY_FIXTURE_\w+ in \.env|.+, which only the built-in mock can provide)$/u,
      );
    expect(skipped.some((r) => r.reason.includes('which only the built-in mock can provide'))).toBe(true);
    // The category travels as data beside the reason: the setting for a fixture, the kind for a mock-only state.
    for (const r of skipped) {
      const setting = /set (UQPAY_FIXTURE_\w+) in/u.exec(r.reason)?.[1];
      expect(r.skip).toEqual(setting ? { kind: 'needs-fixture', setting } : { kind: 'not-applicable' });
    }
    expect(results.filter((r) => r.outcome === 'pass').length).toBeGreaterThan(200);
    // The coverage report lists every pair this target could not prove, each with its reason or setting.
    const coverage = buildCoverage(catalog, results);
    expect(coverage.uncovered.length).toBe(coverage.pairs.total - coverage.pairs.conformant);
    expect(coverage.uncovered.length).toBeGreaterThan(0);
    for (const pair of coverage.uncovered) {
      expect(pair.state, `${pair.entry} on ${pair.operation}`).not.toBe('wrong');
      expect(pair.reason).not.toBe('');
      if (pair.state === 'not_provokable') expect(pair.setting).toMatch(/^(UQPAY_FIXTURE_\w+|the built-in mock)/u);
      else expect(pair.reason).toMatch(/^error: could not arrange the overlap/u);
    }
    expect(minCoverageProblem(coverage, 100)).toMatch(
      /biggest gaps: \d+ (need UQPAY_FIXTURE_|only the built-in mock)/u,
    );
  }, 120_000);
});
