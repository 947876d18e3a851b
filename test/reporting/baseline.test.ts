import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { compareRuns, describeComparison } from '../../reporting/baseline.ts';
import { fakeCase, fakeResults, messageFailure } from '../__helpers__/fake-results.ts';

const catalog = loadCatalog();
const OP = 'Retrieve Card';
const a = () => fakeCase(catalog, OP, 'card.card_not_found');
const b = () => fakeCase(catalog, OP, 'card.b.card_does_not_exists');
const regressions = (before: ReturnType<typeof fakeResults>, after: ReturnType<typeof fakeResults>) => {
  const comparison = compareRuns(before, after);
  if (comparison.refused !== null) throw new Error(comparison.refused);
  return comparison;
};

describe('compareRuns', () => {
  it('two identical runs: no change', () => {
    expect(regressions(fakeResults(catalog, [a(), b()]), fakeResults(catalog, [a(), b()]))).toMatchObject({
      changes: [],
      regressions: 0,
    });
  });

  it('a one-character message change is a regression naming the case, with the drift', () => {
    const comparison = regressions(
      fakeResults(catalog, [a(), b()]),
      fakeResults(catalog, [messageFailure(a(), 'card not found or deactivatex'), b()]),
    );
    expect(comparison.regressions).toBe(1);
    expect(comparison.changes.map((c) => [c.kind, c.transition, c.subject])).toEqual([
      ['regression', 'pass→fail', `${OP} › card.card_not_found`],
      ['message drift', 'pass→fail', `${OP} › card.card_not_found`],
    ]);
    const lines = describeComparison(comparison, 'base.json');
    expect(lines[0]).toBe('baseline: 1 regression(s) against base.json (2 change(s))');
    expect(lines.join('\n')).toContain(
      'message was "card not found or deactivated", now "card not found or deactivatex"',
    );
  });

  it.each([
    ['error', 'regression'],
    ['skip', 'regression'],
  ] as const)('pass→%s is a %s; the way back is fixed', (outcome, kind) => {
    const worse = fakeResults(catalog, [{ ...a(), outcome, reason: 'r', observed: null }, b()]);
    expect(regressions(fakeResults(catalog, [a(), b()]), worse).changes[0]).toMatchObject({ kind });
    expect(regressions(worse, fakeResults(catalog, [a(), b()])).changes[0]).toMatchObject({
      kind: 'fixed',
      transition: `${outcome}→pass`,
    });
  });

  it('a lost passing case is a regression unless the run was a selection; new undocumented answers are listed', () => {
    const full = fakeResults(catalog, [a(), b()]);
    const fewer = fakeResults(catalog, [a()]);
    expect(regressions(full, fewer).changes[0]).toMatchObject({ kind: 'regression', transition: 'pass→absent' });
    fewer.run.selection = '--only card.card_not_found';
    expect(regressions(full, fewer).regressions).toBe(0);
    const seen = fakeResults(catalog, [
      { ...a(), undocumented: [{ operation: OP, status: 418, body: { code: 'x' } }] },
      b(),
    ]);
    expect(regressions(full, seen)).toMatchObject({
      regressions: 0,
      changes: [{ kind: 'new undocumented', subject: `${OP} 418` }],
    });
  });

  it('refuses a baseline from another catalog version or another target kind', () => {
    const other = fakeResults(catalog, [a()]);
    other.run.catalog_sha256 = '0'.repeat(64);
    expect(compareRuns(other, fakeResults(catalog, [a()])).refused).toContain('another catalog version');
    expect(compareRuns(fakeResults(catalog, [a()], 'sandbox'), fakeResults(catalog, [a()])).refused).toBe(
      'the baseline ran against a sandbox target and this run against a mock target; compare runs of one kind',
    );
  });
});
