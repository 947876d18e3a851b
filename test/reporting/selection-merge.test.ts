import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { MergeError, mergeResults } from '../../reporting/merge-results.ts';
import { markNotApplicable } from '../../reporting/not-applicable.ts';
import { selectedTitles, suiteOrder } from '../../suites/selected-cases.ts';
import { parseSelection } from '../../suites/selection.ts';
import { fakeCase, fakeResults } from '../__helpers__/fake-results.ts';

const catalog = loadCatalog();

describe('selection', () => {
  it('--only takes sections, operations and entry ids; shards partition the selection in suite order', () => {
    const only = parseSelection(catalog, ['Retrieve Card', 'card.card_not_found'], null);
    const all = selectedTitles(catalog, only);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((t) => t.startsWith('Retrieve Card ›') || t.includes('› card.card_not_found'))).toBe(true);
    const shards = [1, 2, 3].map((i) => selectedTitles(catalog, parseSelection(catalog, only.only, `${i}/3`)));
    expect(shards.flat().sort()).toEqual([...all].sort());
    expect(new Set(shards.flat()).size).toBe(all.length);
    expect(selectedTitles(catalog, { only: [], shard: null })).toEqual(suiteOrder(catalog));
  });

  it.each([
    [['nope'], null, '--only "nope" names no section, operation or entry id'],
    [[], '4/3', '--shard must be <i>/<n> with 1 ≤ i ≤ n (got "4/3")'],
    [[], '1-3', '--shard must be <i>/<n>'],
  ])('refuses --only %j --shard %s', (only, shard, message) => {
    expect(() => parseSelection(catalog, only, shard)).toThrow(message);
  });
});

describe('mergeResults', () => {
  const a = fakeCase(catalog, 'Retrieve Card', 'card.card_not_found');
  const b = fakeCase(catalog, 'Retrieve Card', 'card.b.card_does_not_exists');
  it('puts cases in suite order and recomputes the totals', () => {
    const merged = mergeResults([fakeResults(catalog, [b]), fakeResults(catalog, [a])], catalog, ['s1', 's2']);
    const order = suiteOrder(catalog);
    expect(merged.cases.map((c) => order.indexOf(c.title))).toEqual(
      [a, b].map((c) => order.indexOf(c.title)).sort((x, y) => x - y),
    );
    expect(merged.summary).toEqual(fakeResults(catalog, [a, b]).summary);
  });

  it('refuses shards of different runs, or a case in two shards', () => {
    const other = fakeResults(catalog, [b]);
    other.run.seed = 2;
    expect(() => mergeResults([fakeResults(catalog, [a]), other], catalog, ['s1', 's2'])).toThrow(MergeError);
    expect(() => mergeResults([fakeResults(catalog, [a]), fakeResults(catalog, [a])], catalog, ['s1', 's2'])).toThrow(
      `case "${a.title}" is in both s1 and s2`,
    );
  });
});

describe('not applicable on this target', () => {
  it('a skip only a mock can provide is its own category away from the mock; a missing fixture stays a skip', () => {
    const mockOnly = {
      outcome: 'skip' as const,
      reason: 'needs an armed fault (x), which only the built-in mock can provide',
      skip: { kind: 'not-applicable' as const },
    };
    const fixture = {
      outcome: 'skip' as const,
      reason: 'needs fixture product sgd-only: set X in .env',
      skip: { kind: 'needs-fixture' as const, setting: 'X' },
    };
    const cases = [
      fakeCase(catalog, 'Retrieve Card', 'card.card_not_found', mockOnly),
      fakeCase(catalog, 'Retrieve Card', 'card.b.card_does_not_exists', fixture),
    ];
    const sandbox = markNotApplicable(fakeResults(catalog, cases, 'sandbox'), catalog);
    expect(sandbox.summary.cases).toMatchObject({ skipped: 1, not_applicable: 1 });
    expect(markNotApplicable(fakeResults(catalog, cases, 'mock'), catalog).summary.cases.skipped).toBe(2);
  });
});
