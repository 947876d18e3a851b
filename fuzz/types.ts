// The contract of a fuzz property: what it names (catalog entry, operation), what kind it is, and how it is built
// against one target. A case signals a broken contract with CaseFailure and environment trouble with
// CaseEnvironmentError, so a run can tell a falsified property from a target that failed underneath it.

import type fc from 'fast-check';
import type { OperationName } from '../catalog/ids.ts';
import type { Catalog } from '../catalog/load.ts';
import type { CatalogEntry } from '../catalog/types.ts';
import type { Observed, RequestSpec, TargetKind } from '../contract/request.ts';
import type { ScenarioContext } from '../generators/types.ts';

export type PropertyKind = 'rule' | 'twin' | 'structural' | 'precedence' | 'idempotency' | 'model';

export interface FuzzContext {
  ctx: ScenarioContext;
  catalog: Catalog;
  target: TargetKind;
  entry(id: string): CatalogEntry;
  /** Undocumented answers seen by structural fuzz (the drift section of fuzz.json). */
  drift: DriftRecord[];
  /** Precedence winners seen, by property name (an observation, not a contract). */
  observations: Map<string, unknown>;
  /** Answers to structural mutations the page leaves open: per "structural › <operation> › <what>", answer → count. */
  shapeObservations: Map<string, Record<string, number>>;
}

export interface DriftRecord {
  property: string;
  operation: string;
  status: number;
  /** Redacted body (or text) of the answer. */
  body: unknown;
}

export interface FuzzProperty {
  /** Stable name: "<kind> › <operation> › <entry or subject>". */
  name: string;
  /** Catalog entry id the property is about, or null (structural fuzz over every entry). */
  entry: string | null;
  /** The operation, or '*' for a property over several. */
  operation: OperationName | '*';
  kind: PropertyKind;
  /** Most runs that make sense (a small value space, or costly cases); caps the run's size. */
  maxRuns?: number;
  /** Words a reader needs: where the boundary lies and who says so. */
  note?: string;
  /** Cases run before the generated ones (the boundary edge), as fast-check examples. */
  examples?: unknown[][];
  // biome-ignore lint/suspicious/noExplicitAny: each property has its own value type
  build(fz: FuzzContext): fc.IAsyncProperty<any>;
}

/** The last request of a failing case, for the report's curl command. */
export interface SentRequest {
  spec: RequestSpec;
  observed: Observed | null;
}

/** The target answered, but not as the contract says. */
export class CaseFailure extends Error {
  constructor(
    message: string,
    readonly sent: SentRequest | null,
  ) {
    super(message);
    this.name = 'CaseFailure';
  }
}

/** The environment failed under the case (unreachable, 5xx or 429 not under test, a failed arrange step). */
export class CaseEnvironmentError extends Error {
  constructor(
    message: string,
    readonly sent: SentRequest | null = null,
  ) {
    super(message);
    this.name = 'CaseEnvironmentError';
  }
}

/** The case needs a fixture the target's settings do not name: the property is skipped, naming the setting. */
export class CaseSkipped extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaseSkipped';
  }
}

/**
 * An exception inside a property that is neither a broken contract nor environment trouble: a bug in this project
 * (a TypeError in a generator, an unknown operation). It stops the run with its stack, never an "error" outcome.
 */
export class PropertyCrash extends Error {
  constructor(
    readonly property: string,
    readonly bug: unknown,
  ) {
    super(`property "${property}" crashed: ${bug instanceof Error ? bug.message : String(bug)}`);
    this.name = 'PropertyCrash';
    if (bug instanceof Error && bug.stack) this.stack = `${this.name}: ${this.message}\ncaused by ${bug.stack}`;
  }
}
