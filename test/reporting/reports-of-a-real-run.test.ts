// A real run against a mock that answers one documented message with one character changed (’ sent as '): the
// failure, its diff and its curl command must reach the JUnit text and the HTML page, and a headless browser must
// see the diff without hovering and the same counts as results.json.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allScenarios } from '../../generators/index.ts';
import { buildResults, type RunResults } from '../../reporting/results.ts';
import { writeReports } from '../../reporting/write-reports.ts';
import { scenarioTitles } from '../../suites/case-meta.ts';
import { probePage, screenshot } from '../__helpers__/headless-chromium.ts';
import { type MockEnvironment, mockEnvironment } from '../__helpers__/mock-env.ts';
import { CHROMIUM, needs, XMLLINT, xmllintErrors } from '../__helpers__/system-tools.ts';

const ENTRY = 'cardholder.kyc_insufficient';
const NEIGHBOURS = ['cardholder.document_review_required', 'cardholder.email_duplicated'];
const XSD = join(import.meta.dirname, '../fixtures/junit-10.xsd');

let harness: MockEnvironment;
let results: RunResults;
let dir: string;

beforeAll(async () => {
  const { loadCatalog } = await import('../../catalog/load.ts');
  const page = loadCatalog().entryById.get(ENTRY)?.message ?? '';
  harness = await mockEnvironment({
    seed: 11,
    variant: { name: 'curly-apostrophe', defects: { [ENTRY]: { entry: { message: page.replace('’', "'") } } } },
  });
  const scenarios = allScenarios.filter(
    (s) => s.operation === 'Create Card' && [ENTRY, ...NEIGHBOURS].includes(s.entry),
  );
  const titles = scenarioTitles(allScenarios);
  const started = Date.now();
  const cases = [];
  for (const scenario of scenarios) {
    const result = await harness.run(scenario);
    cases.push({ ...result, title: titles.get(scenario) ?? scenario.entry, undocumented: [] });
  }
  const facts = {
    target: 'mock',
    base_url_host: new URL(harness.mock.baseUrl).host,
    seed: 11,
    started_at: new Date(started).toISOString(),
  };
  results = buildResults(harness.env.catalog, { ...facts, duration_ms: Date.now() - started }, cases);
  dir = mkdtempSync(join(tmpdir(), 'real-run-'));
  writeReports(dir, results, harness.env.catalog);
});
afterAll(() => harness.close());

describe('reports of a run against a target that changed one character of one message', () => {
  it('results.json holds the failure with its checks, the redacted request, the response and the curl', () => {
    const json = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(json.summary.cases).toMatchObject({ total: 1 + NEIGHBOURS.length, failed: 1, passed: NEIGHBOURS.length });
    const failed = json.cases.find((c: { outcome: string }) => c.outcome === 'fail');
    expect(failed.checks).toEqual([
      { check: 'message', expected: expect.stringContaining('’'), got: expect.stringContaining("'") },
    ]);
    expect(failed.repro).toMatchObject({
      seed: 11,
      source: 'faulty',
      request: { method: 'POST', path: '/v1/issuing/cards' },
    });
    expect(failed.repro.response.body.message).toContain("product's");
    expect(failed.repro.curl).toContain(`curl -sS -i -X POST '${harness.mock.baseUrl}/v1/issuing/cards'`);
    expect(json.cases.filter((c: { repro?: unknown }) => c.repro)).toHaveLength(1);
    expect(JSON.stringify(json)).not.toMatch(/eyJ[\w-]+\./u);
  });

  it('the JUnit failure text shows the diff and the curl command, and the file is valid', () => {
    const xml = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(xml).toContain("[-’ (U+2019)-]{+' (U+0027)+}");
    expect(xml).toContain(`curl -sS -i -X POST '${harness.mock.baseUrl}/v1/issuing/cards'`);
    if (XMLLINT.available || process.env.CI) expect(xmllintErrors(join(dir, 'junit.xml'), XSD)).toBe('');
  });

  // Three browser starts side by side: about 2 s each on an idle machine, far more when seven runs share two cores.
  const BROWSER_TIMEOUT = 120_000;

  it(
    'in headless Chromium the page shows the counts of results.json and the diff without hovering',
    async (ctx) => {
      needs(CHROMIUM, ctx);
      const page = join(dir, 'conformance.html');
      // The probe can fail: the same page with its diffs hidden (as a hover-only tooltip would be) must be caught.
      const hidden = join(dir, 'hidden-diff.html');
      writeFileSync(hidden, readFileSync(page, 'utf8').replace('<style>', '<style>.diff{display:none}'));
      const [png, { counts, diff }, tampered] = await Promise.all([
        screenshot(page, join(dir, 'conformance.png')),
        probePage(page),
        probePage(hidden),
      ]);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(10_000);
      for (const level of ['entries', 'pairs', 'cases'] as const) {
        for (const [field, value] of Object.entries(results.summary[level]))
          expect(counts[`${level}.${field}`], `${level}.${field}`).toBe(value);
      }
      expect(diff).toMatchObject({ found: true, visible: true });
      expect(diff.text).toContain('U+2019');
      expect(diff.text).toContain('U+0027');
      expect(diff.top).toBeLessThan(900); // on the first screen, under the banner
      expect(tampered.diff).toMatchObject({ found: true, visible: false });
    },
    BROWSER_TIMEOUT,
  );
});
