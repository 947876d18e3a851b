// The gates on the documented contract as a whole: cluster signatures, coverage and --min-coverage, a coverage drop
// against a baseline, pending then ratchet with --history, the problems no list may accept, and the Markdown
// summary's size cap.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { parseConformanceArgs } from '../../cli/conformance-args.ts';
import { contractGates, coverageDrop, publishSummary } from '../../cli/contract-gates.ts';
import { runVerdict } from '../../cli/verdict.ts';
import { readRunSettings } from '../../harness/settings.ts';
import { failureSignature } from '../../reporting/clusters.ts';
import { applyDeviations } from '../../reporting/deviations.ts';
import { finishRun } from '../../reporting/finish-run.ts';
import { readHistory } from '../../reporting/history.ts';
import { isLeak } from '../../reporting/never-forgiven.ts';
import { gatingFailures } from '../../reporting/pending.ts';
import type { RunResults } from '../../reporting/results.ts';
import { SUMMARY_MD_LIMIT, summaryMarkdown } from '../../reporting/summary-md.ts';
import type { CaseMeta } from '../../suites/case-meta.ts';
import { fakeCase, fakeResults, messageFailure } from '../__helpers__/fake-results.ts';

const catalog = loadCatalog();
const CURLY = 'cardholder.kyc_insufficient';
const curlyMessage = catalog.entryById.get(CURLY)?.message ?? '';

function leak(c: CaseMeta): CaseMeta {
  return {
    ...c,
    outcome: 'fail',
    reason: 'envelope: extra field',
    checks: [
      {
        check: 'envelope',
        expected: 'A',
        got: ['card_number'],
        detail: 'envelope A: / must NOT have additional properties',
      },
    ],
    repro: {
      seed: 1,
      fault: 'f',
      source: 'faulty',
      request: { method: 'GET', path: '/x', query: {}, headers: {}, body: null },
      response: {
        status: 400,
        headers: {},
        body: { code: 400, message: 'x', card_number: '****' },
        body_truncated: false,
      },
      curl: '',
    },
  };
}

describe('failure signatures name the kind of difference, not the values', () => {
  const base = fakeCase(catalog, 'Create Card', CURLY);
  it.each([
    ["message: ’ → '", messageFailure(base, curlyMessage.replace('’', "'"))],
    ['message: trailing whitespace', messageFailure(base, `${curlyMessage} `)],
    ['message: letter case', messageFailure(base, curlyMessage.toUpperCase())],
    [
      'status 400 → 422',
      { ...base, outcome: 'fail' as const, checks: [{ check: 'status' as const, expected: 400, got: 422 }] },
    ],
    [
      'envelope A → B',
      {
        ...base,
        outcome: 'fail' as const,
        observed: { status: 400, type: undefined, code: 400, message: curlyMessage },
        checks: [{ check: 'envelope' as const, expected: 'A', got: ['code', 'message'], detail: 'envelope A: …' }],
      },
    ],
  ] as [string, CaseMeta][])('%s', (signature, c) => {
    expect(failureSignature(c)).toBe(signature);
  });
});

describe('coverage', () => {
  it('counts conformant, wrong, not provokable (with the setting) and not run pairs; --min-coverage names the gaps', () => {
    const results = fakeResults(catalog, [
      fakeCase(catalog, 'Create Card', CURLY),
      messageFailure(fakeCase(catalog, 'Retrieve Card', 'card.card_not_found'), 'x'),
      fakeCase(catalog, 'Card Recharge', 'card.card_not_found', {
        outcome: 'skip',
        reason: 'needs fixture unassigned pool cards: set UQPAY_FIXTURE_POOL_CARDS in .env',
        skip: { kind: 'needs-fixture', setting: 'UQPAY_FIXTURE_POOL_CARDS' },
      }),
    ]);
    const coverage = results.coverage;
    expect(coverage?.pairs).toMatchObject({ conformant: 1, wrong: 1, not_provokable: 1 });
    expect(coverage?.pairs.not_run).toBe((coverage?.pairs.total ?? 0) - 3);
    expect(coverage?.uncovered).toContainEqual(
      expect.objectContaining({
        entry: 'card.card_not_found',
        operation: 'Card Recharge',
        state: 'not_provokable',
        setting: 'UQPAY_FIXTURE_POOL_CARDS',
      }),
    );
    const gates = contractGates(results, { minCoverage: 50, summaryMd: null }, null);
    expect(gates.failed).toBe(true);
    expect(gates.coverageProblem).toMatch(
      /^coverage 0\.\d % of \d+ pairs is below --min-coverage 50 %; biggest gaps: \d+ not run \(not selected\); 1 need UQPAY_FIXTURE_POOL_CARDS; 1 provoked and wrong$/u,
    );
    expect(contractGates(results, { minCoverage: 0, summaryMd: null }, null).failed).toBe(false);
  });

  it('fewer conformant pairs than the baseline is a regression; a different selection is not compared', () => {
    const before = fakeResults(catalog, [
      fakeCase(catalog, 'Create Card', CURLY),
      fakeCase(catalog, 'Retrieve Card', 'card.card_not_found'),
    ]);
    const after = fakeResults(catalog, [
      fakeCase(catalog, 'Create Card', CURLY),
      fakeCase(catalog, 'Retrieve Card', 'card.card_not_found', {
        outcome: 'skip',
        reason: 'needs x: set UQPAY_FIXTURE_X in .env',
        skip: { kind: 'needs-fixture', setting: 'UQPAY_FIXTURE_X' },
      }),
    ]);
    expect(coverageDrop(before, after)).toMatch(/^1 conformant pairs \(.+\), the baseline had 2/u);
    expect(contractGates(after, { minCoverage: null, summaryMd: null }, before).failed).toBe(true);
    expect(coverageDrop(before, { ...after, run: { ...after.run, selection: '--only card' } })).toBeNull();
    expect(coverageDrop(after, before)).toBeNull();
  });
});

describe('pending, then ratchet (--history)', () => {
  const failing = () => fakeResults(catalog, [messageFailure(fakeCase(catalog, 'Create Card', CURLY), 'x')], 'sandbox');
  const passing = () => fakeResults(catalog, [fakeCase(catalog, 'Create Card', CURLY)], 'sandbox');
  const finish = (results: RunResults, historyFile: string) =>
    finishRun(results, { catalog, deviations: [], today: '2026-12-01', historyFile }).results;

  it('a pair that never passed on this target kind is pending (not gating); after its first pass it gates', () => {
    const history = join(mkdtempSync(join(tmpdir(), 'pending-')), 'history.jsonl');
    const first = finish(failing(), history);
    expect(first.pending).toMatchObject({ cases: 1, pairs: [{ pair: `${CURLY}|Create Card` }], earlier_runs: 0 });
    expect(gatingFailures(first)).toBe(0);
    expect(runVerdict({ results: first, interruptedCode: null, failOnSkip: false, gateFailed: false }).code).toBe(0);
    // A pass on another kind of target does not count.
    finish(fakeResults(catalog, [fakeCase(catalog, 'Create Card', CURLY)], 'mock'), history);
    expect(gatingFailures(finish(failing(), history))).toBe(0);
    finish(passing(), history);
    const regressed = finish(failing(), history);
    expect(regressed.pending).toBeUndefined();
    expect(gatingFailures(regressed)).toBe(1);
    expect(runVerdict({ results: regressed, interruptedCode: null, failOnSkip: false, gateFailed: false }).code).toBe(
      1,
    );
    expect(readHistory(history).at(-1)?.pairs).toEqual({ [`${CURLY}|Create Card`]: 'fail' });
  });
});

describe('what no list may accept', () => {
  it('a leak is never a known deviation nor pending, and fails the run', () => {
    const results = fakeResults(catalog, [leak(fakeCase(catalog, 'Retrieve Card', 'card.card_not_found'))], 'sandbox');
    expect(isLeak(results.cases[0] as never)).toBe(true);
    const deviated = applyDeviations(
      results,
      catalog,
      [{ entry: 'card.card_not_found', observed: { message: 'x' }, reason: 'accepted', expires: '2099-01-01' }],
      '2026-12-01',
    );
    expect(deviated.summary.cases.failed).toBe(1);
    const history = join(mkdtempSync(join(tmpdir(), 'leak-')), 'history.jsonl');
    const finished = finishRun(results, { catalog, deviations: [], today: '2026-12-01', historyFile: history }).results;
    expect(finished.pending).toBeUndefined();
    expect(runVerdict({ results: finished, interruptedCode: null, failOnSkip: false, gateFailed: false }).code).toBe(1);
    expect(contractGates(finished, { minCoverage: null, summaryMd: null }, null).lines.join('\n')).toContain(
      '1 error answers leaked a secret or card data',
    );
  });

  it('cards left live exit 2 whatever the deviations, pending marks or baseline', () => {
    const history = join(mkdtempSync(join(tmpdir(), 'left-')), 'history.jsonl');
    const results = finishRun(
      fakeResults(catalog, [messageFailure(fakeCase(catalog, 'Create Card', CURLY), 'x')], 'sandbox'),
      {
        catalog,
        deviations: [{ entry: CURLY, observed: { message: 'x' }, reason: 'accepted', expires: '2099-01-01' }],
        today: '2026-12-01',
        historyFile: history,
      },
    ).results;
    results.cleanup = { cancelled: 0, failed: 1, left: ['card-1'], ledger: 'ledger.jsonl' };
    expect(results.summary.cases.deviations).toBe(1);
    expect(runVerdict({ results, interruptedCode: null, failOnSkip: false, gateFailed: false }).code).toBe(2);
    expect(contractGates(results, { minCoverage: null, summaryMd: null }, results).lines.join('\n')).toContain(
      '1 cards left live on the target: never accepted',
    );
  });
});

describe('the production guard', () => {
  it('refuses a production URL before any case runs, whatever --baseline, --deviations, --history say', () => {
    const args = parseConformanceArgs(['--baseline', 'b.json', '--deviations', 'd.json', '--history', 'h.jsonl']);
    expect(args).toMatchObject({ baseline: 'b.json', deviations: 'd.json', history: 'h.jsonl' });
    // The settings are read apart from every accepting option: nothing in them can reach the guard.
    expect(() => readRunSettings('/dev/null', { UQPAY_BASE_URL: 'https://api.uqpay.com/api' })).toThrow(
      /points at production/u,
    );
  });
});

describe('the Markdown summary', () => {
  it('stays under the limit with thousands of distinct failures and long messages', () => {
    const long = 'x'.repeat(3000);
    const cases = Array.from({ length: 3000 }, (_, i) =>
      messageFailure(
        fakeCase(catalog, 'Create Card', CURLY, { title: `Create Card › ${CURLY} › ${i}` }),
        `${long}${i}|`,
      ),
    );
    const results = fakeResults(catalog, cases);
    const md = summaryMarkdown(results, { exitCode: 1, gateLines: Array.from({ length: 500 }, () => long) });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_MD_LIMIT + 200);
    expect(Buffer.byteLength(md)).toBeLessThan(64 * 1024);
  });

  it('is appended to $GITHUB_STEP_SUMMARY and written to --summary-md', () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-md-'));
    const step = join(dir, 'step.md');
    writeFileSync(step, 'earlier step\n');
    const results = fakeResults(catalog, [fakeCase(catalog, 'Create Card', CURLY)]);
    const written = publishSummary(results, { minCoverage: null, summaryMd: join(dir, 'out/summary.md') }, 0, [], {
      GITHUB_STEP_SUMMARY: step,
    });
    expect(written).toEqual([step, join(dir, 'out/summary.md')]);
    expect(readFileSync(step, 'utf8')).toMatch(/^earlier step\n## UQPAY error-contract conformance: PASS \(exit 0\)/u);
    expect(readFileSync(join(dir, 'out/summary.md'), 'utf8')).toContain('### Coverage:');
    expect(publishSummary(results, { minCoverage: null, summaryMd: null }, 0, [], {})).toEqual([]);
  });
});
