import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allScenarios } from '../../generators/index.ts';
import { scenarioTitles } from '../../suites/case-meta.ts';
import { runConformanceCli } from '../__helpers__/run-cli.ts';

// Resilience: with background faults in the built-in mock (429+Retry-After, 500, resets, 2 s latency), every case is
// reported once, and each verdict is what a clean run gives: pass, exit 0.
const FILTER = 'Retrieve Card ›';

describe('npm run conformance -- --mock-faults', () => {
  it('gives the clean verdict for every case, each reported once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-faults-'));
    const run = await runConformanceCli(['--filter', FILTER, '--quiet', '--mock-faults', '0.2', '--reports', dir], {
      UQPAY_SEED: '3',
    });
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    const expected = [...scenarioTitles(allScenarios).values()].filter((t) => t.includes(FILTER)).sort();
    expect(results.cases.map((c: { title: string }) => c.title).sort()).toEqual(expected);
    expect(results.cases.filter((c: { outcome: string }) => c.outcome !== 'pass')).toEqual([]);
    expect(run.stdout).toContain('mock faults on 20% of requests');
    expect(run.code, run.stderr).toBe(0);
  }, 180_000);
});
