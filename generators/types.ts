// The scenario: how one documented (entry, operation) pair is provoked. A scenario arranges state with
// real API calls, then returns the one faulty request and its valid twin (the same request without the fault),
// which must succeed so that the pair can never pass because some unrelated error came back.

import type { EntryId, OperationName } from '../catalog/ids.ts';
import type { FixtureProvider } from '../contract/fixture-provider.ts';
import type { CredentialName } from '../contract/fixtures.ts';
import type { Observed, RequestSpec, TargetKind } from '../contract/request.ts';
import type { DataFactory } from './data.ts';
import type { SharedState } from './shared.ts';

export interface Provocation {
  faulty: RequestSpec;
  /** The same request without the fault; it must succeed (2xx). */
  twin: RequestSpec;
  /** Values for a template entry's placeholders, by name (e.g. { id: <transaction id sent> }). */
  values?: Record<string, string>;
  /** Concurrent requests sent together with the faulty one (request_being_processed). */
  concurrent?: RequestSpec;
}

export interface ScenarioContext {
  target: TargetKind;
  /** Arrange calls: returns the parsed 2xx body, throws ArrangeError otherwise. */
  arrange(spec: RequestSpec): Promise<Record<string, unknown>>;
  /** A raw call whose answer the scenario inspects itself. */
  send(spec: RequestSpec): Promise<Observed>;
  /**
   * A setup call whose answer may be a documented error but must not be environment trouble: retried on 5xx/429
   * with the same idempotency key; still 5xx/429, or not a JSON object, it throws ArrangeError.
   */
  setup(spec: RequestSpec): Promise<Observed>;
  /** Mints a new access token for a credential (superseding its earlier ones) and returns it. */
  mintToken(name: CredentialName): Promise<string>;
  fixtures: FixtureProvider;
  data: DataFactory;
  shared: SharedState;
}

export interface Scenario {
  /** Catalog entry id. */
  entry: EntryId;
  /** Operation name as the page writes it. */
  operation: OperationName;
  /** What the fault is, in a few words ("frozen card", "no token"). */
  fault: string;
  provoke(ctx: ScenarioContext): Promise<Provocation>;
}

/** An arrange step did not get the 2xx it needed: the environment failed, not the contract. */
export class ArrangeError extends Error {
  constructor(
    message: string,
    readonly observed?: Observed,
  ) {
    super(message);
    this.name = 'ArrangeError';
  }
}
