// Compares the catalog with the rows parsed from the vendored page, field by field, in both directions.

import type { Catalog } from '../load.ts';
import type { CatalogEntry, Operation } from '../types.ts';
import { PageParseError, type PageRow, parsePage } from './parse-page.ts';

/** The fields the page determines, in a form where a page row and its catalog entry are equal. */
export interface ComparableRow {
  section: string;
  envelope: string;
  status: number;
  type: string | null;
  code: string | number;
  message: string | null;
  message_kind: string;
  page_note: string | null;
  missing_fields: boolean;
  operations: string[] | '*';
  operations_text: string | null;
}

/** Expands "任何接收 {card_id} 的 endpoint" to every operation whose path takes that parameter. */
function expandOperations(listed: string[] | '*', operations: readonly Operation[]): string[] | '*' {
  if (listed === '*') return '*';
  const names = listed.flatMap((name) => {
    const param = name.match(/\{(\w+)\}/u)?.[1];
    return param ? operations.filter((o) => o.path_params.includes(param)).map((o) => o.name) : [name];
  });
  return [...new Set(names)].sort();
}

// Both builders list the fields in the same order, because rows are matched by their JSON text.
function fromPage(row: PageRow, operations: readonly Operation[]): ComparableRow {
  return {
    section: row.section,
    envelope: row.envelope,
    status: row.status,
    type: row.type,
    code: row.code,
    message: row.message,
    message_kind: row.message_kind,
    page_note: row.page_note,
    missing_fields: row.missing_fields,
    operations: expandOperations(row.operations, operations),
    operations_text: row.operations_text,
  };
}

function fromCatalog(entry: CatalogEntry): ComparableRow {
  return {
    section: entry.section,
    envelope: entry.envelope,
    status: entry.status,
    type: entry.envelope === 'A' ? entry.type : null,
    code: entry.code,
    message: entry.message,
    message_kind: entry.message_kind,
    page_note: entry.page_note,
    missing_fields: entry.missing_fields,
    operations: entry.operations === '*' ? '*' : [...entry.operations].sort(),
    operations_text: entry.operations_text,
  };
}

// Parsing the page is the expensive half of a comparison (tens of ms); the edit-proof tests compare the same page
// with hundreds of edited catalogs, most of which leave the code list, and so the parse, unchanged.
let cachedText = '';
const cachedParses = new Map<string, ReturnType<typeof parsePage>>();
function parsedPage(pageText: string, codes: string[]): ReturnType<typeof parsePage> {
  if (pageText !== cachedText) {
    cachedParses.clear();
    cachedText = pageText;
  }
  const key = codes.join('\n');
  let page = cachedParses.get(key);
  if (!page) {
    page = parsePage(pageText, codes);
    if (cachedParses.size >= 8) cachedParses.clear();
    cachedParses.set(key, page);
  }
  return page;
}

/** Every difference between the page and the catalog, as readable lines; empty when they agree exactly. */
export function comparePageWithCatalog(pageText: string, catalog: Pick<Catalog, 'entries' | 'operations'>): string[] {
  const codes = catalog.entries.flatMap((e) => (e.envelope === 'A' ? [e.code] : []));
  let page: ReturnType<typeof parsePage>;
  try {
    page = parsedPage(pageText, codes);
  } catch (error) {
    if (error instanceof PageParseError) return [`the page cannot be read with this catalog: ${error.message}`];
    throw error;
  }
  const unmatched = new Map<string, { id: string; row: ComparableRow }[]>();
  for (const entry of catalog.entries) {
    const row = fromCatalog(entry);
    const key = JSON.stringify(row);
    unmatched.set(key, [...(unmatched.get(key) ?? []), { id: entry.id, row }]);
  }
  const problems: string[] = [];
  for (const pageRow of page.rows) {
    const row = fromPage(pageRow, catalog.operations);
    const candidates = unmatched.get(JSON.stringify(row));
    if (candidates?.length) candidates.shift();
    else problems.push(`page line ${pageRow.line} has no identical catalog entry: ${JSON.stringify(row)}`);
  }
  for (const left of unmatched.values()) {
    for (const { id, row } of left) problems.push(`catalog entry ${id} matches no page row: ${JSON.stringify(row)}`);
  }
  return problems;
}
