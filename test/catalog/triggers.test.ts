// Every catalog entry has exactly one machine-readable trigger kind (catalog/triggers.json), and the loader refuses a
// file where one is missing, unknown or of a kind outside the three.

import { describe, expect, it } from 'vitest';
import { CatalogError, loadCatalog } from '../../catalog/load.ts';
import { loadTriggers } from '../../catalog/triggers.ts';

const catalog = loadCatalog();

describe('catalog/triggers.json', () => {
  it('gives every catalog entry a trigger kind', () => {
    const triggers = loadTriggers(catalog);
    expect(triggers.entries.map((t) => t.entry).sort()).toEqual(catalog.entries.map((e) => e.id).sort());
    for (const e of catalog.entries) {
      for (const op of e.operations === '*' ? ['*'] : e.operations) {
        expect(['request-rule', 'state', 'internal']).toContain(triggers.kindOf(e.id, op));
      }
    }
  });

  it('refuses an entry without a kind, an unknown entry and an unknown kind', () => {
    const [first, second, ...rest] = loadTriggers(catalog).entries;
    const broken = { entries: [{ ...first, kind: 'maybe' }, { entry: 'card.nope', kind: 'state' }, ...rest] };
    const problems = (() => {
      try {
        loadTriggers(catalog, broken);
        return [];
      } catch (error) {
        return error instanceof CatalogError ? error.problems : [String(error)];
      }
    })();
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`${first?.entry}: "maybe"`),
        'card.nope is not a catalog entry',
        `${second?.entry} has no trigger kind`,
      ]),
    );
  });

  it('overrides the kind per operation', () => {
    const triggers = loadTriggers(catalog);
    expect(triggers.kindOf('transaction.b.restrict_config_error', 'Simulate Authorization')).toBe('request-rule');
    expect(triggers.kindOf('transaction.b.restrict_config_error', 'Simulate Reversal')).toBe('state');
  });
});
