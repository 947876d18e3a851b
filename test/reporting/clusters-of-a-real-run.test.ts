// A real run (real HTTP, every scenario) against a mock variant that sends envelope B's numeric code as a string,
// the defect a proxy showed on one night as 241 separate failures across 68 entries. The reports must lead with one
// cluster holding every failure; the Markdown job summary must stay under 64 KB; coverage names what is wrong.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { allScenarios } from '../../generators/index.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';
import type { MockVariant } from '../../mock/variants.ts';
import { minCoverageProblem } from '../../reporting/coverage.ts';
import { buildResults, type RunResults } from '../../reporting/results.ts';
import { runSummary } from '../../reporting/summary.ts';
import { summaryMarkdown } from '../../reporting/summary-md.ts';
import { writeReports } from '../../reporting/write-reports.ts';
import { runAll } from '../__helpers__/full-run.ts';

const SEED = 3;
const catalog = loadCatalog();
const envelopeB = catalog.entries.filter((e) => e.envelope === 'B');
const codeAsString: MockVariant = {
  name: 'b-code-as-string',
  defects: Object.fromEntries(
    envelopeB.map((e) => [e.id, { entry: {}, body: (b: object) => ({ ...b, code: String(e.code) }) }]),
  ),
};
let mock: RunningMock;
let results: RunResults;
let dir: string;

beforeAll(async () => {
  mock = await startMock({ seed: SEED, variant: codeAsString });
  const started = Date.now();
  const byTitle = await runAll(mock.baseUrl, SEED, 8);
  const cases = [...byTitle].map(([title, r]) => ({ ...r, title, undocumented: [] }));
  results = buildResults(
    catalog,
    {
      target: 'mock',
      base_url_host: new URL(mock.baseUrl).host,
      seed: SEED,
      started_at: '',
      duration_ms: Date.now() - started,
    },
    cases,
  );
  dir = mkdtempSync(join(tmpdir(), 'clusters-'));
  writeReports(dir, results, catalog);
}, 120_000);
afterAll(() => mock.close());

describe('a target that sends every envelope-B code as a string', () => {
  const bIds = new Set<string>(envelopeB.map((e) => e.id));
  const bScenarios = allScenarios.filter((s) => bIds.has(s.entry));

  it('fails every envelope-B case and nothing else', () => {
    expect(results.summary.cases.failed).toBe(bScenarios.length);
    expect(results.summary.cases.passed).toBe(allScenarios.length - bScenarios.length);
  });

  it('results.json leads with one cluster that holds every failure, across entries and operations', () => {
    const json = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as RunResults;
    expect(json.clusters).toHaveLength(1);
    const [cluster] = json.clusters ?? [];
    expect(cluster?.count).toBe(bScenarios.length);
    expect(cluster?.signature).toContain('code: number → string');
    expect(new Set(cluster?.entries)).toEqual(new Set(bScenarios.map((s) => s.entry)));
    expect(new Set(cluster?.operations)).toEqual(new Set(bScenarios.map((s) => s.operation)));
    expect(cluster?.example.checks.map((c) => c.check)).toContain('code');
    expect(Object.keys(json).indexOf('clusters')).toBeLessThan(Object.keys(json).indexOf('cases'));
  });

  it('the console summary and the HTML show the cluster before any single failure', () => {
    const text = runSummary(results, 'reports', ['results.json']);
    expect(text).toMatch(new RegExp(`failure clusters \\(1, by cause\\):\\n  ${bScenarios.length} × `, 'u'));
    expect(text.indexOf('failure clusters')).toBeLessThan(text.indexOf('failing cases'));
    const html = readFileSync(join(dir, 'conformance.html'), 'utf8');
    expect(html.indexOf('id="clusters"')).toBeGreaterThan(0);
    expect(html.indexOf('id="clusters"')).toBeLessThan(html.indexOf('id="failures"'));
  });

  it('the Markdown job summary has the verdict, coverage, the cluster and the first failures, under 64 KB', () => {
    const md = summaryMarkdown(results, { exitCode: 1, gateLines: [] });
    expect(Buffer.byteLength(md)).toBeLessThan(64 * 1024);
    expect(md).toContain('conformance: FAIL (exit 1)');
    expect(md).toContain(`| ${bScenarios.length} | \`envelope B: /code must be integer + code: number → string\``);
    expect(md).toMatch(/### Coverage: [\d.]+ % of documented pairs conformant/u);
    expect(md).toMatch(/\| card \| `[█░]{20}` /u);
    expect(md).toContain(`### First failures (10 of ${bScenarios.length})`);
  });

  it('coverage counts the B pairs as provoked and wrong, and --min-coverage names that gap', () => {
    const coverage = results.coverage;
    expect(coverage?.pairs.not_run).toBe(0);
    expect(coverage?.pairs.wrong).toBeGreaterThan(0);
    expect(coverage?.uncovered.every((p) => p.state === 'wrong' && bIds.has(p.entry))).toBe(true);
    const problem = minCoverageProblem(coverage ?? (undefined as never), 100);
    expect(problem).toMatch(
      /^coverage [\d.]+ % of \d+ pairs is below --min-coverage 100 %; biggest gaps: \d+ provoked and wrong$/u,
    );
  });
});
