// Defect variants: the mock with one documented entry deliberately wrong. The suite's own tests and
// npm run selfcheck run against them to prove that every kind of check can fail (a conformance suite that passes
// against a broken API is useless). A variant applies to every request, or, batched (MockOptions.variants), only to
// requests that name it in VARIANT_HEADER, so one mock serves thousands of variants at once.

import { errorBody } from '../catalog/envelope.ts';
import type { Catalog } from '../catalog/load.ts';
import type { CatalogEntry } from '../catalog/types.ts';

/** Requests carrying this header meet the batched variant of that name (MockOptions.variants). */
export const VARIANT_HEADER = 'x-mock-variant';

export interface EntryDefect {
  /** Fields of the entry to replace (status, type, code, message). */
  entry: Partial<Pick<CatalogEntry, 'status' | 'message'>> & { type?: string; code?: string | number };
  /** A last change to the body (drop a key, add one, replace it). */
  body?: (body: object) => unknown;
  /**
   * The body is sent as this text with this content type instead of JSON (given the documented JSON text); a null
   * content type sends no Content-Type header at all.
   */
  raw?: { contentType: string | null; text: (json: string) => string };
  /** Once the entry was answered on an operation, that operation's 2xx answers become this documented 400. */
  rejectTwinWith?: string;
}

export interface MockVariant {
  name: string;
  defects: Record<string, EntryDefect>;
}

/** Every defect class npm run selfcheck applies to every entry it fits. */
export const DEFECT_KINDS = [
  'status',
  'type',
  'code',
  'message',
  'message-case',
  'message-period',
  'message-trailing-space',
  'message-apostrophe',
  'envelope-swap',
  'code-as-string',
  'missing-message',
  'missing-fields',
  'undocumented-missing-fields',
  'extra-field',
  'content-type-html',
  'no-content-type',
  'empty-body',
  'non-json-body',
  'other-documented-body',
  'answered-200',
  'twin-rejected',
] as const;

export type DefectKind = (typeof DEFECT_KINDS)[number];

/** One entry broken in one way. Returns null when that kind cannot apply (no type on envelope B, …). */
export function defectVariant(entry: CatalogEntry, kind: DefectKind, catalog?: Catalog): MockVariant | null {
  const defect = defectFor(entry, kind, catalog);
  return defect ? { name: `${entry.id}:${kind}`, defects: { [entry.id]: defect } } : null;
}

const hasText = (entry: CatalogEntry) => entry.message_kind === 'exact' || entry.message_kind === 'template';
const withMessage =
  (change: (message: string) => string) =>
  (b: object): object => ({ ...b, message: change(String((b as { message?: unknown }).message ?? '')) });

/**
 * Garbled answers (an HTML page, an empty or non-JSON body) on a 5xx or 429 are the environment's, whatever the case
 * expects (a gateway, a proxy): the judge reports them as errors, so those classes apply to the other entries only.
 * An unlabelled 5xx or 429 is retried as trouble not under test (harness/run-scenario.ts) and the armed fault is
 * spent by then, so that class too applies to the other entries only.
 */
const GARBLED: readonly DefectKind[] = ['content-type-html', 'no-content-type', 'empty-body', 'non-json-body'];

function defectFor(entry: CatalogEntry, kind: DefectKind, catalog?: Catalog): EntryDefect | null {
  if (GARBLED.includes(kind) && (entry.status >= 500 || entry.status === 429)) return null;
  return DEFECTS[kind](entry, catalog);
}

type DefectBuilder = (entry: CatalogEntry, catalog?: Catalog) => EntryDefect | null;
const dropKey = (key: string) => (b: object) => Object.fromEntries(Object.entries(b).filter(([k]) => k !== key));
const rawBody = (contentType: string | null, text: (json: string) => string): EntryDefect => ({
  entry: {},
  raw: { contentType, text },
});
const JSON_TYPE = 'application/json; charset=utf-8';

/** How each defect class breaks an entry; one row per class, so none can be forgotten (the type says every one). */
const DEFECTS: Record<DefectKind, DefectBuilder> = {
  message: (entry) => {
    if (entry.message_kind === 'absent') return { entry: {}, body: (b) => ({ ...b, message: String(entry.code) }) };
    if (entry.message_kind === 'variable') return { entry: {}, body: (b) => ({ ...b, message: '' }) };
    return { entry: { message: offByOne(entry.message ?? '') } };
  },
  'message-case': (entry) =>
    hasText(entry) && /\p{L}/u.test(entry.message ?? '') ? { entry: {}, body: withMessage(flipFirstCase) } : null,
  'message-period': (entry) =>
    hasText(entry) ? { entry: {}, body: withMessage((m) => (m.endsWith('.') ? m.slice(0, -1) : `${m}.`)) } : null,
  'message-trailing-space': (entry) => (hasText(entry) ? { entry: {}, body: withMessage((m) => `${m} `) } : null),
  'message-apostrophe': (entry) =>
    hasText(entry) && entry.message?.includes('’')
      ? { entry: {}, body: withMessage((m) => m.replaceAll('’', "'")) }
      : null,
  status: (entry) => ({ entry: { status: entry.status === 400 ? 422 : 400 } }),
  type: (entry) => {
    if (entry.envelope === 'B') return { entry: {}, body: (b) => ({ type: 'card_error', ...b }) };
    return { entry: { type: entry.type === 'card_error' ? 'cardholder_error' : 'card_error' } };
  },
  code: (entry) => ({
    entry: { code: entry.envelope === 'A' ? `${entry.code}_x` : entry.code === 400 ? 4000 : 400 },
  }),
  'envelope-swap': (entry) => ({ entry: {}, body: (b) => swapEnvelope(entry, b) }),
  'code-as-string': (entry) =>
    entry.envelope === 'B' ? { entry: {}, body: (b) => ({ ...b, code: String(entry.code) }) } : null,
  'missing-message': (entry) => (entry.message_kind === 'absent' ? null : { entry: {}, body: dropKey('message') }),
  'missing-fields': (entry) => (entry.missing_fields ? { entry: {}, body: dropKey('missing_fields') } : null),
  // The KYC rows' extra key on an entry that does not document it (envelope B's closed schema refuses any key).
  'undocumented-missing-fields': (entry) =>
    entry.missing_fields || entry.envelope === 'B'
      ? null
      : { entry: {}, body: (b) => ({ ...b, missing_fields: [{ name: 'first_name_en' }] }) },
  'extra-field': () => ({ entry: {}, body: (b) => ({ ...b, request_id: 'req_0001' }) }),
  'content-type-html': () => rawBody('text/html; charset=utf-8', (json) => json),
  'no-content-type': () => rawBody(null, (json) => json),
  'empty-body': () => rawBody(JSON_TYPE, () => ''),
  'non-json-body': () => rawBody(JSON_TYPE, () => 'Bad Request'),
  'other-documented-body': (entry, catalog) => {
    const other = catalog ? otherDocumented(catalog, entry) : undefined;
    return other ? { entry: {}, body: () => errorBody(other) } : null;
  },
  'answered-200': () => ({ entry: { status: 200 }, body: () => ({}) }),
  // The entry itself where its body needs no request values; otherwise another documented 400.
  'twin-rejected': (entry) => ({
    entry: {},
    rejectTwinWith:
      entry.status === 400 && entry.message_kind === 'exact' && !entry.missing_fields
        ? entry.id
        : 'general.b.request_parameters_invalid',
  }),
};

/** The body in the other envelope: A's fields as B's, or B's as A's. */
function swapEnvelope(entry: CatalogEntry, b: object): object {
  const { message } = b as { message?: unknown };
  return entry.envelope === 'A'
    ? { code: entry.status, message: message ?? '' }
    : { type: 'invalid_request_error', code: String(entry.code), ...(message === undefined ? {} : { message }) };
}

/**
 * Another documented body with the same status (same envelope where possible), a fixed message and different
 * bytes: two entries may share one body (the 429 "Request is too frequent"), and sending the same bytes is no defect.
 */
function otherDocumented(catalog: Catalog, entry: CatalogEntry): CatalogEntry | undefined {
  const own = entry.message_kind === 'exact' && !entry.missing_fields ? JSON.stringify(errorBody(entry)) : null;
  const candidates = catalog.entries.filter(
    (e) =>
      e.id !== entry.id &&
      e.status === entry.status &&
      e.message_kind === 'exact' &&
      !e.missing_fields &&
      JSON.stringify(errorBody(e)) !== own,
  );
  return candidates.find((e) => e.envelope === entry.envelope) ?? candidates[0];
}

/** The same text with its last character changed: the smallest drift a byte-for-byte check must catch. */
function offByOne(text: string): string {
  const last = text.at(-1) ?? '';
  return `${text.slice(0, -1)}${last === '.' ? '' : last === 'x' ? 'y' : 'x'}`;
}

function flipFirstCase(text: string): string {
  const index = text.search(/\p{L}/u);
  if (index < 0) return text;
  const char = text.charAt(index);
  const flipped = char === char.toUpperCase() ? char.toLowerCase() : char.toUpperCase();
  return `${text.slice(0, index)}${flipped}${text.slice(index + 1)}`;
}
