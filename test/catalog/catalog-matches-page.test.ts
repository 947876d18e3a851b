import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { comparePageWithCatalog } from '../../catalog/page/compare.ts';
import { parsePage } from '../../catalog/page/parse-page.ts';
import type { CatalogEntry } from '../../catalog/types.ts';

const catalog = loadCatalog();
const pageText = readFileSync(new URL('../../catalog/source/card-issuance-errors.zh.txt', import.meta.url), 'utf8');
const codes = catalog.entries.flatMap((e) => (e.envelope === 'A' ? [e.code] : []));

describe('the catalog and the vendored page', () => {
  it('the vendored page is the one the catalog was built from', () => {
    expect(createHash('sha256').update(pageText).digest('hex')).toBe(catalog.source.sha256);
  });

  it('the page has 128 rows in the documented sections and envelopes', () => {
    const sizes: Record<string, number> = {};
    for (const row of parsePage(pageText, codes).rows) {
      const key = `${row.section} ${row.envelope}`;
      sizes[key] = (sizes[key] ?? 0) + 1;
    }
    expect(sizes).toEqual({
      'general A': 11,
      'general B': 6,
      'card A': 17,
      'card B': 56,
      'cardholder A': 30,
      'balance A': 1,
      'transaction A': 1,
      'transaction B': 6,
    });
  });

  it('every page row is in the catalog with the same fields, and the catalog has no other row', () => {
    expect(comparePageWithCatalog(pageText, catalog)).toEqual([]);
  });
});

// Proves the comparison above can fail: each single-field edit of each entry must be reported.
describe('the comparison catches a one-field change in any entry', () => {
  const withEdit = (index: number, edit: (e: CatalogEntry) => CatalogEntry) => ({
    operations: catalog.operations,
    entries: catalog.entries.map((e, i) => (i === index ? edit(e) : e)),
  });
  const reportsEntry = (problems: string[], id: string) =>
    problems.some((p) => p.includes(`catalog entry ${id} `) || p.startsWith('the page cannot be read'));
  const oneCharOff = (text: string) => `${text.slice(0, -1)}${text.endsWith('x') ? 'y' : 'x'}`;
  const indexed = catalog.entries.map((entry, index) => ({ id: entry.id, index, entry }));

  it.each(indexed)('$id: message or page note off by one character', ({ index, entry }) => {
    const edited = withEdit(index, (e) =>
      e.message !== null
        ? { ...e, message: oneCharOff(e.message) }
        : { ...e, page_note: oneCharOff(e.page_note ?? '') },
    );
    expect(reportsEntry(comparePageWithCatalog(pageText, edited), entry.id)).toBe(true);
  });

  it.each(indexed)('$id: status, code, type or operations changed', ({ index, entry }) => {
    const edits: ((e: CatalogEntry) => CatalogEntry)[] = [
      (e) => ({ ...e, status: e.status === 400 ? 401 : 400 }),
      (e) => (e.envelope === 'A' ? { ...e, code: `${e.code}s` } : { ...e, code: e.code === 400 ? 429 : 400 }),
      (e) => (e.envelope === 'A' ? { ...e, type: e.type === 'card_error' ? 'account_error' : 'card_error' } : e),
      (e) => ({ ...e, operations: e.operations === '*' ? ['Create Card'] : e.operations.slice(1) }),
      (e) => ({ ...e, missing_fields: !e.missing_fields }),
    ];
    for (const edit of edits) {
      const edited = edit(entry);
      if (edited === entry) continue;
      expect(
        reportsEntry(
          comparePageWithCatalog(
            pageText,
            withEdit(index, () => edited),
          ),
          entry.id,
        ),
      ).toBe(true);
    }
  });
});

describe('exact bytes the page has and a tidier copy would lose', () => {
  const message = (id: string) => catalog.entryById.get(id)?.message;
  it.each([
    ['card.b.card_does_not_exists', 'Card does not exists'],
    ['cardholder.document_review_required', 'cardholder\u2019s document requires review'],
    ['cardholder.kyc_insufficient', 'cardholder information does not meet this product\u2019s requirements'],
    ['general.b.account_does_not_exist', 'Account does not exist.'],
    ['card.b.the_card_is_failed', 'The card is failed.'],
    ['card.b.card_currency_is_not_support', 'Card currency is not support'],
    ['transaction.invalid_request_error', 'transaction[<id>] not found under the connected account'],
  ])('%s keeps %j', (id, text) => {
    expect(message(id)).toBe(text);
  });
});
