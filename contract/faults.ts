// The fault protocol of the mock's control surface (POST /__mock/faults): what a client may arm, and which catalog
// entries only an armed fault can reach. The mock serves it; the scenarios and the harness arm faults through it.

import type { EntryId, OperationId } from '../catalog/ids.ts';
import type { Catalog } from '../catalog/load.ts';

export const FAULT_KINDS = ['error', 'reset', 'latency', 'hold'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * The catalog entries a request cannot cause on its own, and the failure each stands for: internal failures and the
 * account-wide rate limit. They are reached by arming a fault of kind "error"; the operations each applies to are
 * the catalog's.
 */
export const FAULT_ONLY = {
  'general.api_error': 'internal server error',
  'general.b.an_internal_error_occurred_please_try_again': 'internal error',
  'general.b.request_is_too_frequent': 'account-wide rate limit',
  'card.b.convert_data_error': 'internal data conversion failure',
} as const satisfies Partial<Record<EntryId, string>>;

export type FaultOnlyEntry = keyof typeof FAULT_ONLY;

export const FAULT_ONLY_ENTRIES = Object.keys(FAULT_ONLY) as readonly FaultOnlyEntry[];

export interface FaultSpec {
  kind: FaultKind;
  /** For kind "error": the catalog entry to answer with. */
  entry?: FaultOnlyEntry;
  /** An operation id from catalog/operations.json; absent means every operation. */
  operation?: OperationId;
  /** How many requests it hits before it disarms itself; absent means until cleared. */
  count?: number;
  /** Probability per matching request, 0–1 (default 1). */
  rate?: number;
  latency_ms?: number;
  /** Only requests whose SCOPE_HEADER equals this meet the fault; absent means every request. */
  scope?: string;
}

/** Requests carrying this header only meet the faults armed with the same scope (and unscoped ones). */
export const SCOPE_HEADER = 'x-mock-scope';

/** The ids of the operations the catalog documents an entry on; null when it is a general row (every operation). */
export function documentedOperationIds(catalog: Catalog, entryId: EntryId): OperationId[] | null {
  const entry = catalog.entryById.get(entryId);
  if (!entry) throw new Error(`unknown catalog entry ${entryId}`);
  if (entry.operations === '*') return null;
  return entry.operations.map((name) => {
    const op = catalog.operationByName.get(name);
    if (!op) throw new Error(`${entryId} names unknown operation ${name}`);
    return op.id;
  });
}
