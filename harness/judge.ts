// The oracle: does an observed response carry exactly the documented error? Status, envelope schema, type, code,
// then the message by its kind, then missing_fields. Answers that say more about the environment than the
// contract (a 5xx or a 429 that is not under test) are classified as errors, never as passes or failures.

import { fillTemplate } from '../catalog/envelope.ts';
import type { Catalog } from '../catalog/load.ts';
import type { CatalogEntry } from '../catalog/types.ts';
import { describeErrors, validators } from '../schemas/validators.ts';
import type { Observed } from './client.ts';

export type Outcome = 'pass' | 'fail' | 'error' | 'skip';

export interface Verdict {
  outcome: Exclude<Outcome, 'skip'>;
  reason: string;
}

export interface Seen {
  status: number;
  type: unknown;
  code: unknown;
  message: unknown;
}

export function seen(observed: Observed): Seen {
  const body = isObject(observed.json) ? observed.json : {};
  return { status: observed.status, type: body.type, code: body.code, message: body.message };
}

export function expectedMessage(entry: CatalogEntry, values: Record<string, string> = {}): string | null {
  if (entry.message_kind === 'exact') return entry.message;
  if (entry.message_kind === 'template') return fillTemplate(entry, values);
  return null;
}

export function judge(entry: CatalogEntry, observed: Observed, values: Record<string, string> = {}): Verdict {
  if (observed.status >= 500 && entry.status < 500) {
    return { outcome: 'error', reason: `the target failed with ${observed.status}, which is not under test` };
  }
  if (observed.status === 429 && entry.status !== 429) {
    return { outcome: 'error', reason: 'the target rate-limited the request (429), which is not under test' };
  }
  const problems: string[] = [];
  if (observed.status !== entry.status) problems.push(`status: expected ${entry.status}, got ${observed.status}`);
  const body = observed.json;
  if (!isObject(body)) {
    problems.push(
      `body: expected a JSON object, got ${observed.text.length ? JSON.stringify(observed.text.slice(0, 80)) : 'nothing'}`,
    );
    return { outcome: 'fail', reason: problems.join('; ') };
  }
  const schema = entry.envelope === 'A' ? validators.envelopeA : validators.envelopeB;
  if (!schema(body)) problems.push(`envelope ${entry.envelope}: ${describeErrors(schema.errors).join(', ')}`);
  if (entry.envelope === 'A' && body.type !== entry.type)
    problems.push(`type: expected ${q(entry.type)}, got ${q(body.type)}`);
  if (body.code !== entry.code) problems.push(`code: expected ${q(entry.code)}, got ${q(body.code)}`);
  problems.push(...messageProblems(entry, body, values));
  if (entry.missing_fields && !(Array.isArray(body.missing_fields) && body.missing_fields.length > 0)) {
    problems.push('missing_fields: expected a non-empty list');
  }
  return problems.length ? { outcome: 'fail', reason: problems.join('; ') } : { outcome: 'pass', reason: '' };
}

function messageProblems(entry: CatalogEntry, body: Record<string, unknown>, values: Record<string, string>): string[] {
  switch (entry.message_kind) {
    case 'absent':
      return 'message' in body ? [`message: expected no message key, got ${q(body.message)}`] : [];
    case 'variable':
      return typeof body.message === 'string' && body.message.length > 0
        ? []
        : [`message: expected a non-empty text, got ${q(body.message)}`];
    default: {
      const expected = expectedMessage(entry, values);
      return body.message === expected ? [] : [`message: expected ${q(expected)}, got ${q(body.message)}`];
    }
  }
}

/** The documented entries an error response matches, for passive conformance (empty: undocumented). */
export function matchCatalog(catalog: Catalog, observed: Observed): CatalogEntry[] {
  const body = observed.json;
  if (!isObject(body)) return [];
  return catalog.entries.filter((entry) => {
    if (entry.status !== observed.status || body.code !== entry.code) return false;
    if (entry.envelope === 'A' ? body.type !== entry.type : 'type' in body) return false;
    return messageMatches(entry, body);
  });
}

function messageMatches(entry: CatalogEntry, body: Record<string, unknown>): boolean {
  switch (entry.message_kind) {
    case 'exact':
      return body.message === entry.message;
    case 'template':
      return typeof body.message === 'string' && templatePattern(entry).test(body.message);
    case 'variable':
      return typeof body.message === 'string' && body.message.length > 0;
    case 'absent':
      return !('message' in body);
  }
}

function templatePattern(entry: CatalogEntry): RegExp {
  const parts = (entry.message ?? '').split(/<\w+>/u).map((p) => p.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  return new RegExp(`^${parts.join('.+')}$`, 'u');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function q(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
