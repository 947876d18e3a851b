// The oracle: does an observed response carry exactly the documented error? Status, envelope schema, type, code,
// then the message by its kind, then missing_fields. Answers that say more about the environment than the
// contract (a 5xx or a 429 that is not under test) are classified as errors, never as passes or failures.

import { fillTemplate } from '../catalog/envelope.ts';
import type { Catalog } from '../catalog/load.ts';
import type { CatalogEntry } from '../catalog/types.ts';
import type { Observed } from '../contract/request.ts';
import { escapeRegExp } from '../lib/regexp.ts';
import { describeErrors, validators } from '../schemas/validators.ts';

export type Outcome = 'pass' | 'fail' | 'error' | 'skip';

/** The one check of the contract that a response failed, as data; the reason text is derived from these. */
export type CheckName =
  | 'status'
  | 'content_type'
  | 'body'
  | 'envelope'
  | 'type'
  | 'code'
  | 'message'
  | 'missing_fields'
  | 'twin';

export interface FailedCheck {
  check: CheckName;
  expected: unknown;
  got: unknown;
  /** Extra words for the reason (schema errors, what the twin was). */
  detail?: string;
}

export interface Verdict {
  outcome: Exclude<Outcome, 'skip'>;
  reason: string;
  /** The checks that failed (empty on a pass and on environment errors). */
  checks: FailedCheck[];
}

/** One line per failed check: "status: expected 400, got 404; message: expected …". */
export function describeChecks(checks: readonly FailedCheck[]): string {
  return checks
    .map((c) => {
      if (c.check === 'envelope' || c.check === 'twin') return `${c.check}: ${c.detail ?? ''}`.trimEnd();
      if (c.check === 'missing_fields') return 'missing_fields: expected a non-empty list';
      if (c.check === 'body') return `body: expected a JSON object, got ${c.got === '' ? 'nothing' : q(c.got)}`;
      if (c.check === 'message' && c.expected === null) return `message: expected no message key, got ${q(c.got)}`;
      if (c.check === 'message' && c.detail) return `message: ${c.detail}, got ${q(c.got)}`;
      return `${c.check}: expected ${c.check === 'status' ? c.expected : q(c.expected)}, got ${c.check === 'status' ? c.got : q(c.got)}`;
    })
    .join('; ');
}

function failed(checks: FailedCheck[]): Verdict {
  return checks.length
    ? { outcome: 'fail', reason: describeChecks(checks), checks }
    : { outcome: 'pass', reason: '', checks: [] };
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

/**
 * Judges one answer against one entry. `values` fill a template's placeholders from the request; without them
 * (an answer seen passively, or classify()) any non-empty text in each placeholder is accepted.
 */
export function judge(entry: CatalogEntry, observed: Observed, values?: Record<string, string>): Verdict {
  const environmental = environmentTrouble(observed);
  if (environmental) return { outcome: 'error', reason: environmental, checks: [] };
  if (observed.status >= 500 && entry.status < 500) {
    return {
      outcome: 'error',
      reason: `the target failed with ${observed.status}, which is not under test`,
      checks: [],
    };
  }
  if (observed.status === 429 && entry.status !== 429) {
    return {
      outcome: 'error',
      reason: 'the target rate-limited the request (429), which is not under test',
      checks: [],
    };
  }
  const checks: FailedCheck[] = [];
  if (observed.status !== entry.status) checks.push({ check: 'status', expected: entry.status, got: observed.status });
  // Documented errors are JSON: a 4xx labelled text/html (say), or not labelled at all, breaks clients that
  // dispatch on the content type.
  const contentType = observed.headers['content-type'];
  if (!isJsonMediaType(contentType)) {
    checks.push({ check: 'content_type', expected: 'application/json', got: contentType ?? null });
  }
  const body = observed.json;
  if (!isObject(body)) {
    checks.push({ check: 'body', expected: 'a JSON object', got: observed.text.slice(0, 80) });
    return failed(checks);
  }
  const schema = entry.envelope === 'A' ? validators.envelopeA : validators.envelopeB;
  if (!schema(body)) {
    const detail = `envelope ${entry.envelope}: ${describeErrors(schema.errors).join(', ')}`;
    checks.push({ check: 'envelope', expected: entry.envelope, got: Object.keys(body), detail });
  } else if (!entry.missing_fields && 'missing_fields' in body) {
    // Envelope A's schema allows missing_fields (the KYC rows carry it); an entry that does not document it must not.
    const detail = `envelope ${entry.envelope}: missing_fields is not documented for ${entry.id}`;
    checks.push({ check: 'envelope', expected: entry.envelope, got: Object.keys(body), detail });
  }
  if (entry.envelope === 'A' && body.type !== entry.type)
    checks.push({ check: 'type', expected: entry.type, got: body.type });
  if (body.code !== entry.code) checks.push({ check: 'code', expected: entry.code, got: body.code });
  const message = messageCheck(entry, body, values);
  if (message) checks.push(message);
  if (entry.missing_fields && !(Array.isArray(body.missing_fields) && body.missing_fields.length > 0)) {
    checks.push({ check: 'missing_fields', expected: 'a non-empty list', got: body.missing_fields });
  }
  return failed(checks);
}

/**
 * Answers that say nothing about the contract: a 5xx or 429 that is not a JSON envelope (a gateway's HTML page, a
 * proxy's plain-text limit), a body cut off at the client's cap, or a 2xx whose body is not JSON (truncated).
 */
export function environmentTrouble(observed: Observed): string | null {
  if (observed.oversized) return `the target's answer (${observed.status}) exceeded the body cap and was cut off`;
  const envelope = isObject(observed.json) && 'code' in observed.json;
  if ((observed.status >= 500 || observed.status === 429) && !envelope) {
    return `the target answered ${observed.status} without a JSON error envelope (${bodyKind(observed)}): a gateway or proxy, not the API`;
  }
  if (observed.status >= 200 && observed.status < 300 && observed.text.trim() !== '' && observed.json === undefined) {
    return `the target answered ${observed.status} with a body that is not JSON (truncated or garbled)`;
  }
  return null;
}

function bodyKind(observed: Observed): string {
  const type = observed.headers['content-type'] ?? 'no content type';
  return observed.text.trim() === '' ? `empty body, ${type}` : (type.split(';')[0] ?? type);
}

function messageCheck(entry: CatalogEntry, body: Record<string, unknown>, values?: Record<string, string>) {
  const got = body.message;
  switch (entry.message_kind) {
    case 'absent':
      return 'message' in body ? { check: 'message' as const, expected: null, got } : null;
    case 'variable':
      return typeof got === 'string' && got.length > 0
        ? null
        : { check: 'message' as const, expected: 'a non-empty text', got, detail: 'expected a non-empty text' };
    case 'template':
      if (values === undefined) {
        const matches = typeof got === 'string' && templatePattern(entry).test(got);
        return matches
          ? null
          : {
              check: 'message' as const,
              expected: entry.message,
              got,
              detail: `expected ${q(entry.message)} with its placeholders filled`,
            };
      }
      return exactMessageCheck(expectedMessage(entry, values), got);
    case 'exact':
      return exactMessageCheck(entry.message, got);
  }
}

/** The documented entries an error response matches, for passive conformance (empty: undocumented). */
export function matchCatalog(catalog: Catalog, observed: Observed): CatalogEntry[] {
  return catalog.entries.filter((entry) => answersWith(entry, observed));
}

/** The answer is this entry's: its status, type (envelope A) or no type (B), code and message by its kind. */
export function answersWith(entry: CatalogEntry, observed: Observed): boolean {
  const body = observed.json;
  if (!isObject(body)) return false;
  if (entry.status !== observed.status || body.code !== entry.code) return false;
  if (entry.envelope === 'A' ? body.type !== entry.type : 'type' in body) return false;
  return messageCheck(entry, body) === null;
}

/** application/json or a +json type (application/problem+json), parameters aside; a missing header is not JSON. */
function isJsonMediaType(contentType: string | undefined): boolean {
  const media = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return media === 'application/json' || /^application\/[\w.-]+\+json$/u.test(media);
}

function exactMessageCheck(expected: string | null, got: unknown) {
  return got === expected ? null : { check: 'message' as const, expected, got };
}

function templatePattern(entry: CatalogEntry): RegExp {
  const parts = (entry.message ?? '').split(/<\w+>/u).map(escapeRegExp);
  return new RegExp(`^${parts.join('.+')}$`, 'u');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function q(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
