import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { type HistoryLine, historyLine } from '../../reporting/history.ts';
import { failureStarts, TREND_RUNS, trendSection } from '../../reporting/trend-svg.ts';
import { fakeCase, fakeResults, messageFailure } from '../__helpers__/fake-results.ts';

const catalog = loadCatalog();
const night = (day: number, failing: boolean): HistoryLine => {
  const c = fakeCase(catalog, 'Retrieve Card', 'card.card_not_found');
  const results = fakeResults(catalog, [failing ? messageFailure(c, 'x') : c]);
  results.run.started_at = `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`;
  return historyLine(results, catalog);
};

describe('the trend over nights', () => {
  it('a history line holds time, target, seed, catalog hash and counts per outcome, entry and section', () => {
    expect(night(1, true)).toMatchObject({
      time: '2026-11-01T02:00:00.000Z',
      target: 'mock',
      seed: 1,
      catalog_sha256: catalog.source.sha256,
      cases: { total: 1, failed: 1 },
      entries: { 'card.card_not_found': 'fail' },
      sections: { card: { total: 1, failed: 1 } },
    });
  });

  it('marks the night an entry started failing: the first of its latest failing streak', () => {
    const history = [night(1, true), night(2, false), night(3, true), night(4, true)];
    expect(failureStarts(history)).toEqual([
      { entry: 'card.card_not_found', since: '2026-11-03T02:00:00.000Z', run: 2 },
    ]);
    const html = trendSection(history);
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).toContain('<code>card.card_not_found</code> failing since 2026-11-03T02:00:00.000Z');
    expect(html).toContain('started failing: card.card_not_found');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/u);
  });

  it(`draws only the last ${TREND_RUNS} runs, and nothing without history`, () => {
    const history = Array.from({ length: TREND_RUNS + 5 }, (_, i) => night((i % 28) + 1, false));
    expect(trendSection(history)).toContain(`Trend over the last ${TREND_RUNS} run(s)`);
    expect(trendSection([])).toBe('');
    expect(failureStarts(history)).toEqual([]);
  });
});
