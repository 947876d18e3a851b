import { describe, expect, it } from 'vitest';
import { MAX_LISTED_FAILURES, progressLine, runSummary } from '../../reporting/summary.ts';
import { plantedRun } from '../__helpers__/planted-run.ts';

const FILES = ['results.json', 'junit.xml', 'conformance.html', 'drift.md'];

describe('the CLI summary', () => {
  it('lists the failing cases with the message diff, errors by reason and skips by setting', () => {
    const text = runSummary(plantedRun(), 'reports', FILES);
    expect(text).toContain('failing cases (2):');
    expect(text).toContain('  ✗ Create Card › cardholder.kyc_insufficient: message: expected');
    expect(text).toContain(
      "      diff: cardholder information does not meet this product[-’ (U+2019)-]{+' (U+0027)+}s requirements",
    );
    expect(text).toContain('errored cases by reason (2):');
    expect(text).toMatch(
      /skipped cases by the setting that unlocks them \(3\):\n {2}UQPAY_FIXTURE_POOL_CARDS +2\n {2}the built-in mock/u,
    );
    expect(text).toContain(
      'drift: 1 undocumented error answers, 1 documented messages differ from the page (see reports/drift.md)',
    );
    expect(text).toContain('reports: reports/results.json, junit.xml, conformance.html, drift.md');
  });

  it(`stops listing failures after ${MAX_LISTED_FAILURES} and counts the rest`, () => {
    const results = plantedRun();
    const [failure] = results.cases.filter((c) => c.outcome === 'fail');
    if (!failure) throw new Error('planted run has no failure');
    results.cases = Array.from({ length: MAX_LISTED_FAILURES + 5 }, (_, i) => ({ ...failure, title: `case ${i}` }));
    const text = runSummary(results, 'out', FILES);
    expect(text).toContain(`case ${MAX_LISTED_FAILURES - 1}:`);
    expect(text).not.toContain(`case ${MAX_LISTED_FAILURES}:`);
    expect(text).toContain('… and 5 more failing cases');
  });

  it('progress: done/total, elapsed and time left', () => {
    expect(progressLine(50, 200, 10_000, 'x')).toBe('[conformance] 50/200 cases · 10 s elapsed · about 30 s left — x');
    expect(progressLine(200, 200, 95_000, 'x')).toBe('[conformance] 200/200 cases · 1 min 35 s elapsed — x');
    expect(progressLine(3, 0, 1000, 'x')).toBe('[conformance] 3 cases · 1 s elapsed — x');
    // Start-up time does not inflate the projection.
    expect(progressLine(50, 200, 25_000, 'x', 10_000)).toBe(
      '[conformance] 50/200 cases · 25 s elapsed · about 30 s left — x',
    );
  });
});
