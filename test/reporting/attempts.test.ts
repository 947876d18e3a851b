// A case that ran again after an environment failure (harness/run-case.ts) shows its earlier attempts in every report,
// and one that passed only then counts as flaky; the attempts' durations are timing, kept apart.

import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { conformancePage } from '../../reporting/html/page.ts';
import { junitXml } from '../../reporting/junit.ts';
import { buildResults } from '../../reporting/results.ts';
import { runSummary } from '../../reporting/summary.ts';
import type { CaseMeta } from '../../suites/case-meta.ts';

const catalog = loadCatalog();
const REASON = 'arrange step Create Card answered 502 Bad Gateway';

function meta(operation: string, outcome: CaseMeta['outcome'], retried: boolean): CaseMeta {
  return {
    title: `${operation} › card.card_not_found`,
    entry: 'card.card_not_found',
    operation,
    fault: 'unknown card id',
    outcome,
    reason: outcome === 'error' ? REASON : '',
    checks: [],
    expected: { status: 400, type: 'card_error', code: 'card_not_found', message: null, message_kind: 'exact' },
    observed: null,
    requests: 3,
    durationMs: 40,
    undocumented: [],
    ...(retried ? { earlier_attempts: [{ outcome: 'error' as const, reason: REASON, duration_ms: 25 }] } : {}),
  };
}

const results = buildResults(
  catalog,
  { target: 'mock', base_url_host: 'h', seed: 5, started_at: '2026-01-01T00:00:00.000Z', duration_ms: 100 },
  [meta('Retrieve Card', 'pass', true), meta('Card Recharge', 'error', true), meta('Update Card', 'pass', false)],
);

describe('earlier attempts', () => {
  it('are listed per case in results.json, their durations under timing, and flaky counts the passes', () => {
    const [flaky, errored, plain] = results.cases;
    expect(flaky?.earlier_attempts).toEqual([{ outcome: 'error', reason: REASON }]);
    expect(flaky?.timing).toEqual({ duration_ms: 40, earlier_attempts_ms: [25] });
    expect(errored?.earlier_attempts).toHaveLength(1);
    expect(plain?.earlier_attempts).toBeUndefined();
    expect(results.summary.flaky).toBe(1);
  });

  it('show in JUnit (a pass in <system-out>, an error in its text), the HTML banner and the console summary', () => {
    const xml = junitXml(results, catalog);
    expect(xml).toContain('<system-out><![CDATA[attempt 2 of 2; the environment failed on the earlier ones:');
    expect(xml).toContain(`attempt 1: error: ${REASON}`);
    expect(conformancePage(results, catalog)).toContain('<b data-count="flaky">1</b> passed only after a retry');
    expect(runSummary(results, 'reports', ['results.json'])).toContain(
      '2 cases ran again after an environment failure; 1 passed only then (flaky)',
    );
  });
});
