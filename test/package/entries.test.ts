// The package's view of the catalog: `retryable` is what the vendored page says about each row, read from the
// page's own "what to do" column, not from the catalog's remediation field that the package derives it from.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { parsePage } from '../../catalog/page/parse-page.ts';
import { catalog } from '../../package/index.ts';

const loaded = loadCatalog();
const pageText = readFileSync(new URL('../../catalog/source/card-issuance-errors.zh.txt', import.meta.url), 'utf8');
const page = parsePage(
  pageText,
  loaded.entries.filter((e) => e.envelope === 'A').map((e) => String(e.code)),
);
const CJK = /[\u3000-\u9fff\uff00-\uffef]/u;
// The remedy tells to send the same request again: with the same idempotency key, after a back-off, or at once.
const SAYS_RETRY = /用相同的 Idempotency-Key (安全)?重试|^短暂回退后重试|^按指数退避重试|^重试/u;

/** The row's "what to do" cell: the text from its first CJK character (codes, messages and operations are not CJK). */
function remedy(line: number): string {
  const text = pageText.split('\n')[line - 1] ?? '';
  const at = text.search(CJK);
  return at < 0 ? '' : text.slice(at);
}

describe('the package catalog', () => {
  it('has the entries of the catalog, in its order', () => {
    expect(catalog.entries.map((e) => e.id)).toEqual(loaded.entries.map((e) => e.id));
    expect(page.rows.length).toBe(loaded.entries.length);
  });

  it('marks retryable exactly the rows the page says to retry as they are: 429, 5xx, and "retry" remedies', () => {
    const pageSays = page.rows.map((row, i) => ({
      id: loaded.entries[i]?.id,
      retryable: row.status === 429 || row.status >= 500 || SAYS_RETRY.test(remedy(row.line)),
    }));
    expect(catalog.entries.map((e) => ({ id: e.id, retryable: e.retryable }))).toEqual(pageSays);
    expect(pageSays.filter((r) => r.retryable).length).toBeGreaterThan(0);
  });

  it('spells out the operations of a general row, and is frozen', () => {
    const general = catalog.entry('general.unauthorized_error');
    expect(general.operations).toEqual(loaded.operations.map((o) => o.name));
    expect(Object.isFrozen(general)).toBe(true);
    expect(() => catalog.entry('no.such' as never)).toThrow(/no catalog entry "no\.such"/u);
  });
});
