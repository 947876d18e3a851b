// Faults the mock can inject on purpose: documented internal errors, connection resets, latency and holds. Armed
// through POST /__mock/faults or by start options; never active unless someone asked for them. A fault armed with a
// scope fires only on requests carrying that scope in the SCOPE_HEADER, so concurrent scenarios never see each
// other's faults.

import { HoldBoard } from './holds.ts';

export type FaultKind = 'error' | 'reset' | 'latency' | 'hold';

/** Requests carrying this header only meet the faults armed with the same scope (and unscoped ones). */
export const SCOPE_HEADER = 'x-mock-scope';

/**
 * The catalog entries a request cannot cause on its own, so they are reached by faults: internal failures, and the
 * account-wide rate limit (also available as a start option). Value: the operations it is documented on (null: all).
 */
export const ERROR_FAULT_ENTRIES: Readonly<Record<string, readonly string[] | null>> = {
  'general.api_error': null,
  'general.b.an_internal_error_occurred_please_try_again': null,
  'general.b.request_is_too_frequent': null,
  'card.b.convert_data_error': ['create_card', 'update_card'],
};

export interface FaultSpec {
  kind: FaultKind;
  /** For kind "error": the catalog entry to answer with. */
  entry?: string;
  /** An operation id from catalog/operations.json; absent means every operation. */
  operation?: string;
  /** How many requests it hits before it disarms itself; absent means until cleared. */
  count?: number;
  /** Probability per matching request, 0–1 (default 1). */
  rate?: number;
  latency_ms?: number;
  /** Only requests whose SCOPE_HEADER equals this meet the fault; absent means every request. */
  scope?: string;
}

export class FaultSpecError extends Error {}

export class FaultBoard {
  private armed: FaultSpec[] = [];
  readonly holds = new HoldBoard();

  constructor(
    private readonly random: () => number,
    private readonly operationIds: ReadonlySet<string>,
  ) {}

  arm(spec: FaultSpec): void {
    this.armed.push(this.check(spec));
  }

  /** Disarms every fault, or only those of one scope (releasing its held requests too). */
  clear(scope?: string): void {
    if (scope === undefined) {
      this.armed = [];
      this.holds.releaseAll();
      return;
    }
    this.armed = this.armed.filter((f) => f.scope !== scope);
    this.holds.release(scope);
  }

  list(): readonly FaultSpec[] {
    return this.armed;
  }

  /** The first armed fault of this kind that fires for the operation now, consuming one of its uses. */
  take(kind: FaultKind, operationId: string, scope?: string): FaultSpec | null {
    for (const fault of this.armed) {
      if (fault.kind !== kind || (fault.operation && fault.operation !== operationId)) continue;
      if (fault.scope !== undefined && fault.scope !== scope) continue;
      if (fault.entry && !appliesTo(fault.entry, operationId)) continue;
      if ((fault.rate ?? 1) < 1 && this.random() >= (fault.rate ?? 1)) continue;
      if (fault.count !== undefined) {
        fault.count--;
        if (fault.count <= 0) this.armed = this.armed.filter((f) => f !== fault);
      }
      return fault;
    }
    return null;
  }

  private check(spec: FaultSpec): FaultSpec {
    if (!['error', 'reset', 'latency', 'hold'].includes(spec.kind))
      throw new FaultSpecError('kind must be error, reset, latency or hold');
    if (spec.scope !== undefined && (typeof spec.scope !== 'string' || spec.scope === '')) {
      throw new FaultSpecError('scope must be a non-empty string');
    }
    if (spec.kind === 'hold' && spec.scope === undefined) throw new FaultSpecError('a hold needs a scope');
    if (spec.operation !== undefined && !this.operationIds.has(spec.operation)) {
      throw new FaultSpecError(`unknown operation "${spec.operation}" (use an id from catalog/operations.json)`);
    }
    if (spec.kind === 'error') {
      if (!spec.entry || !(spec.entry in ERROR_FAULT_ENTRIES)) {
        throw new FaultSpecError(`entry must be one of ${Object.keys(ERROR_FAULT_ENTRIES).join(', ')}`);
      }
      if (spec.operation && !appliesTo(spec.entry, spec.operation)) {
        throw new FaultSpecError(`${spec.entry} is documented only on ${ERROR_FAULT_ENTRIES[spec.entry]?.join(', ')}`);
      }
    }
    if (spec.kind === 'latency' && !(Number.isFinite(spec.latency_ms) && (spec.latency_ms ?? -1) >= 0)) {
      throw new FaultSpecError('latency_ms must be a non-negative number');
    }
    if (spec.count !== undefined && !(Number.isInteger(spec.count) && spec.count > 0)) {
      throw new FaultSpecError('count must be a positive integer');
    }
    if (spec.rate !== undefined && !(spec.rate >= 0 && spec.rate <= 1)) throw new FaultSpecError('rate must be 0–1');
    return { ...spec };
  }
}

function appliesTo(entry: string, operationId: string): boolean {
  const only = ERROR_FAULT_ENTRIES[entry];
  return !only || only.includes(operationId);
}
