// The catalog as the package shows it to integrators: each entry with its operations spelt out and a `retryable`
// flag, typed with the closed unions of catalog/ids.ts. Read once from the validated catalog (catalog/load.ts).

import type { EntryId, ErrorCode, OperationName } from '../catalog/ids.ts';
import { loadCatalog } from '../catalog/load.ts';
import type { CatalogEntry, ErrorType, MessageKind, Operation, Remediation, Section } from '../catalog/types.ts';

interface EntryFields {
  /** `<section>.<code>` (envelope A) or `<section>.b.<message words>` (envelope B); stable. */
  id: EntryId;
  section: Section;
  status: number;
  /** The documented text, byte for byte; a template keeps its `<placeholders>`; null when the page gives none. */
  message: string | null;
  /** How the message is judged: `exact`, `template`, `variable` (any non-empty text) or `absent` (no message key). */
  message_kind: MessageKind;
  /** The answer carries a non-empty `missing_fields` list. */
  missing_fields: boolean;
  remediation: Remediation;
  /** The page says to retry the same request: 429, 5xx, and the rows whose remedy is a retry (same key, or back off). */
  retryable: boolean;
  /** The operations the page documents the error for; a general row lists every operation. */
  operations: readonly OperationName[];
}

/** An error of envelope A: `{type, code, message}`. */
export interface EnvelopeAEntry extends EntryFields {
  envelope: 'A';
  type: ErrorType;
  code: Extract<ErrorCode, string>;
}

/** An error of the legacy flat envelope B: `{code, message}`, where `code` is the HTTP status as a number. */
export interface EnvelopeBEntry extends EntryFields {
  envelope: 'B';
  type: null;
  code: Extract<ErrorCode, number>;
}

export type Entry = EnvelopeAEntry | EnvelopeBEntry;

export interface PublicCatalog {
  /** The vendor page the catalog was taken from, with its SHA-256. */
  source: { file: string; sha256: string; page: string };
  entries: readonly Entry[];
  operations: readonly Operation[];
  /** The entry with this id (the id is checked by the compiler). */
  entry(id: EntryId): Entry;
}

const RETRY_ACTIONS: ReadonlySet<Remediation['action']> = new Set(['retry_same_idempotency_key', 'backoff']);

function publicEntry(entry: CatalogEntry, allOperations: readonly OperationName[]): Entry {
  const fields: EntryFields = {
    id: entry.id,
    section: entry.section,
    status: entry.status,
    message: entry.message,
    message_kind: entry.message_kind,
    missing_fields: entry.missing_fields,
    remediation: { ...entry.remediation },
    retryable: entry.status === 429 || entry.status >= 500 || RETRY_ACTIONS.has(entry.remediation.action),
    operations: entry.operations === '*' ? allOperations : [...entry.operations],
  };
  return entry.envelope === 'A'
    ? { ...fields, envelope: 'A', type: entry.type, code: entry.code as Extract<ErrorCode, string> }
    : { ...fields, envelope: 'B', type: null, code: entry.code as Extract<ErrorCode, number> };
}

/** Each public entry with the catalog entry it was made from (classify judges the latter). */
export interface EntryPair {
  entry: Entry;
  source: CatalogEntry;
}

function build(): { catalog: PublicCatalog; pairs: readonly EntryPair[] } {
  const loaded = loadCatalog();
  const allOperations = loaded.operations.map((o) => o.name);
  const pairs = loaded.entries.map((source) => ({ entry: deepFreeze(publicEntry(source, allOperations)), source }));
  const byId = new Map(pairs.map((p) => [p.entry.id, p.entry]));
  const catalog: PublicCatalog = {
    source: loaded.source,
    entries: Object.freeze(pairs.map((p) => p.entry)),
    operations: loaded.operations,
    entry(id) {
      const found = byId.get(id);
      if (!found) throw new TypeError(`uqpay-error-conformance: no catalog entry "${id}"`);
      return found;
    },
  };
  return { catalog: Object.freeze(catalog), pairs };
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) if (child && typeof child === 'object') deepFreeze(child);
  return Object.freeze(value);
}

const built = build();
export const catalog: PublicCatalog = built.catalog;
export const entryPairs: readonly EntryPair[] = built.pairs;
