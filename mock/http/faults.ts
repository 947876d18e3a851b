// Faults the mock can inject on purpose: documented internal errors, connection resets, latency and holds. Armed
// through POST /__mock/faults or by start options; never active unless someone asked for them. A fault armed with a
// scope fires only on requests carrying that scope in the SCOPE_HEADER, so concurrent scenarios never see each
// other's faults.

import type { Catalog } from '../../catalog/load.ts';
import {
  documentedOperationIds,
  FAULT_KINDS,
  FAULT_ONLY_ENTRIES,
  type FaultKind,
  type FaultOnlyEntry,
  type FaultSpec,
} from '../../contract/faults.ts';
import { HoldBoard } from './holds.ts';

export class FaultSpecError extends Error {}

export class FaultBoard {
  private armed: FaultSpec[] = [];
  readonly holds = new HoldBoard();

  private readonly operationIds: ReadonlySet<string>;
  /** Fault-only entry → the operation ids the catalog documents it on (null: every operation). */
  private readonly documentedOn: ReadonlyMap<string, readonly string[] | null>;

  constructor(
    private readonly random: () => number,
    catalog: Catalog,
  ) {
    this.operationIds = new Set(catalog.operations.map((o) => o.id));
    this.documentedOn = new Map(FAULT_ONLY_ENTRIES.map((id) => [id, documentedOperationIds(catalog, id)]));
  }

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
      if (fault.entry && !this.appliesTo(fault.entry, operationId)) continue;
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
    if (!FAULT_KINDS.includes(spec.kind)) throw new FaultSpecError(`kind must be ${FAULT_KINDS.join(', ')}`);
    if (spec.scope !== undefined && (typeof spec.scope !== 'string' || spec.scope === '')) {
      throw new FaultSpecError('scope must be a non-empty string');
    }
    if (spec.kind === 'hold' && spec.scope === undefined) throw new FaultSpecError('a hold needs a scope');
    if (spec.operation !== undefined && !this.operationIds.has(spec.operation)) {
      throw new FaultSpecError(`unknown operation "${spec.operation}" (use an id from catalog/operations.json)`);
    }
    if (spec.kind === 'error') {
      if (!spec.entry || !this.documentedOn.has(spec.entry)) {
        throw new FaultSpecError(`entry must be one of ${FAULT_ONLY_ENTRIES.join(', ')}`);
      }
      if (spec.operation && !this.appliesTo(spec.entry, spec.operation)) {
        throw new FaultSpecError(
          `${spec.entry} is documented only on ${this.documentedOn.get(spec.entry)?.join(', ')}`,
        );
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

  private appliesTo(entry: FaultOnlyEntry, operationId: string): boolean {
    const only = this.documentedOn.get(entry);
    return !only || only.includes(operationId);
  }
}
