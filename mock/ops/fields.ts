// Readers for request fields that apply the generic rules of mock/RULES.md step 10: a missing required field or a
// wrong JSON type is "Request parameters invalid"; a value outside its format names the field and the rule.

import { badParameters, invalidField } from '../errors.ts';

type Source = Readonly<Record<string, unknown>>;
type Query = Readonly<Record<string, string | string[] | undefined>>;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

export function optionalString(source: Source, name: string): string | undefined {
  const value = source[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badParameters();
  return value;
}

export function requiredString(source: Source, name: string): string {
  const value = optionalString(source, name);
  if (value === undefined || value === '') throw badParameters();
  return value;
}

export function optionalNumber(source: Source, name: string): number | undefined {
  const value = source[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw badParameters();
  return value;
}

export function requiredNumber(source: Source, name: string): number {
  const value = optionalNumber(source, name);
  if (value === undefined) throw badParameters();
  return value;
}

export function optionalObject(source: Source, name: string): Record<string, unknown> | undefined {
  const value = source[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badParameters();
  return value as Record<string, unknown>;
}

export function optionalArray(source: Source, name: string): unknown[] | undefined {
  const value = source[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw badParameters();
  return value;
}

/** A UUID in a path parameter or body field: malformed ids name the field and the rule. */
export function uuid(value: string, path: string): string {
  if (!UUID.test(value)) throw invalidField({ path, rule: 'must be a UUID' });
  return value.toLowerCase();
}

export function requiredUuid(source: Source, name: string): string {
  return uuid(requiredString(source, name), name);
}

export function decimals(value: number): number {
  const text = String(value);
  if (text.includes('e-')) return Number(text.split('e-')[1]);
  return text.includes('.') ? (text.split('.')[1]?.length ?? 0) : 0;
}

export function queryString(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw badParameters();
  return value === undefined || value === '' ? undefined : value;
}

/** page_size 10–100 (default 10) and page_number ≥ 1 (default 1), as the SDKs document them. */
export function pagination(query: Query): { pageSize: number; pageNumber: number } {
  const read = (name: string, fallback: number) => {
    const text = queryString(query, name);
    if (text === undefined) return fallback;
    if (!/^-?\d+$/u.test(text)) throw badParameters();
    return Number(text);
  };
  const pageSize = read('page_size', 10);
  const pageNumber = read('page_number', 1);
  if (pageSize < 10 || pageSize > 100) throw invalidField({ path: 'page_size', rule: 'must be between 10 and 100' });
  if (pageNumber < 1) throw invalidField({ path: 'page_number', rule: 'must be at least 1' });
  return { pageSize, pageNumber };
}

/** The list envelope of the real API: {total_pages, total_items, data}. */
export function page<T, R = T>(
  items: T[],
  { pageSize, pageNumber }: { pageSize: number; pageNumber: number },
  render: (item: T) => R = (item) => item as unknown as R,
) {
  // Only the page is rendered: rendering every item of a long list (a fuzz run makes thousands) costs the mock
  // time that grows with the list while the answer holds one page.
  return {
    total_pages: Math.max(1, Math.ceil(items.length / pageSize)),
    total_items: items.length,
    data: items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map(render),
  };
}

/** An ISO 8601 date-time (with a zone) that Date understands. */
export function isoDateTime(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/u.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

const WINDOW_MS = 90 * 86_400_000;

/** start_time / end_time filters of the list endpoints: ISO 8601, end not before start, at most 90 days apart. */
export function timeWindow(query: Query): { start: Date | undefined; end: Date | undefined } {
  const read = (name: string) => {
    const text = queryString(query, name);
    if (text === undefined) return undefined;
    const date = isoDateTime(text);
    if (!date) throw invalidField({ path: name, rule: 'must be an ISO 8601 date-time' });
    return date;
  };
  const start = read('start_time');
  const end = read('end_time');
  if (start && end) {
    if (end < start) throw invalidField({ path: 'end_time', rule: 'must not be before start_time' });
    if (end.getTime() - start.getTime() > WINDOW_MS)
      throw invalidField({ path: 'end_time', rule: 'must be within 90 days of start_time' });
  }
  return { start, end };
}
