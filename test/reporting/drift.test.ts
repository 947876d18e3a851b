import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { buildDrift, type DriftCase, NOT_SELECTED } from '../../reporting/drift.ts';
import { driftMarkdown } from '../../reporting/drift-md.ts';
import { plantedRun } from '../__helpers__/planted-run.ts';

const catalog = loadCatalog();
const documentedPairs = catalog.entries.reduce((n, e) => n + (e.operations === '*' ? 1 : e.operations.length), 0);

describe('drift', () => {
  const results = plantedRun();
  const { drift } = results;

  it('lists undocumented answers once per body, with operations and counts', () => {
    expect(drift.undocumented).toEqual([
      {
        status: 400,
        body: { code: 999, message: 'something new' },
        count: 2,
        operations: [
          { operation: 'Retrieve Card', count: 1 },
          { operation: 'Update Card Status', count: 1 },
        ],
      },
    ]);
  });

  it('does not list the answer a failing case already reports; lists its message against the page', () => {
    expect(JSON.stringify(drift.undocumented)).not.toContain('kyc_insufficient');
    expect(drift.message_drift).toEqual([
      {
        entry: 'cardholder.kyc_insufficient',
        expected: catalog.entryById.get('cardholder.kyc_insufficient')?.message,
        observed: catalog.entryById.get('cardholder.kyc_insufficient')?.message?.replace('’', "'"),
        seen_in: ['Create Card › cardholder.kyc_insufficient'],
      },
    ]);
  });

  it('a known A-envelope error seen with another message (a setup step) is message drift, not undocumented', () => {
    const page = catalog.entryById.get('card.card_not_found');
    const body = { type: 'card_error', code: 'card_not_found', message: 'Card not found' };
    const d = buildDrift(catalog, [], [{ operation: 'Card Recharge', status: page?.status ?? 0, body, seen_in: 'x' }]);
    expect(d.undocumented).toEqual([]);
    expect(d.message_drift).toMatchObject([{ entry: 'card.card_not_found', observed: 'Card not found' }]);
  });

  it('names every entry and documented pair that no case judged, with the reason', () => {
    const { entries, pairs } = drift.never_exercised;
    const judgedEntries = new Set(
      results.cases.filter((c) => c.outcome === 'pass' || c.outcome === 'fail').map((c) => c.entry),
    );
    expect(entries).toHaveLength(catalog.entries.length - judgedEntries.size);
    expect(entries.find((e) => e.entry === 'general.api_error')?.reason).toBe(
      'skipped: needs the built-in mock (leave UQPAY_BASE_URL empty)',
    );
    expect(pairs.find((p) => p.entry === 'card.card_not_found' && p.operation === 'Update Card Status')?.reason).toBe(
      'error: arrange step Create Card answered 503 upstream unavailable',
    );
    expect(pairs.find((p) => p.entry === 'card.card_not_found' && p.operation === 'Card Recharge')).toBeUndefined();
    expect(pairs.find((p) => p.entry === 'general.forbidden')).toBeUndefined();
    expect(buildDrift(catalog, [] as DriftCase[], []).never_exercised.pairs).toHaveLength(documentedPairs);
    expect(pairs.filter((p) => p.reason === NOT_SELECTED).length).toBeLessThan(documentedPairs);
  });

  it('drift.md says the same, grouped', () => {
    const md = driftMarkdown(results);
    expect(md).toContain('- **400** 2× — Retrieve Card (1), Update Card Status (1)');
    expect(md).toContain("product[-’ (U+2019)-]{+' (U+0027)+}s requirements");
    expect(md).toContain(`- ${NOT_SELECTED} (`);
  });
});
