// The coverage figure is computed, and every place that states it says exactly what was computed: the top README,
// fuzz/README.md and mock/RULES.md carry coverageSentence() word for word, reports/fuzz.json carries the figure, and
// no README claims more ("every documented validation rule") than the table covers.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coverageLine, coverageSentence, fuzzCoverage } from '../../fuzz/coverage.ts';
import { fuzzReport } from '../../reporting/fuzz-report.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const words = (text: string) => text.replace(/\s+/gu, ' ');

describe('the fuzz coverage claim', () => {
  it.each(['README.md', 'fuzz/README.md', 'mock/RULES.md'])('%s states the computed figure word for word', (path) => {
    expect(words(read(path))).toContain(coverageSentence());
  });

  it.each(['README.md', 'fuzz/README.md', 'mock/RULES.md'])('%s claims no more than the table covers', (path) => {
    expect(read(path)).not.toMatch(/every documented validation rule/iu);
  });

  it('puts the figure in reports/fuzz.json and the console summary', () => {
    const run = {
      target: 'mock',
      base_url_host: '127.0.0.1',
      seed: 1,
      num_runs: 1,
      started_at: '2026-12-03T00:00:00Z',
      duration_ms: 1,
      requests: 0,
      filter: null,
    };
    const { coverage } = fuzzReport(run, [], [], new Map());
    expect(coverage).toEqual(fuzzCoverage());
    expect(coverage.pairs_with_property + coverage.exempt.length).toBe(coverage.pairs_documented);
    expect(coverageLine(coverage)).toBe(
      `rule coverage: ${coverage.pairs_with_property}/${coverage.pairs_documented} request-rule pairs have a property, ${coverage.exempt.length} exempt`,
    );
  });
});
