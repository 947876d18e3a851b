// One request to the API as scenarios describe it, and what came back, as the harness reports it. Scenarios
// (generators/) build RequestSpecs and read Observed answers; the harness sends and observes them.

import type { AnyOperationName } from '../catalog/types.ts';
import type { CredentialName } from './fixtures.ts';

/** How the request authenticates. Default: a fresh token of the default credential. */
export type AuthSpec =
  | { kind: 'credential'; name: CredentialName }
  | { kind: 'none' }
  /** Sent verbatim as the x-auth-token header (a malformed, expired or superseded token). */
  | { kind: 'raw'; value: string };

export interface RequestSpec {
  /** Operation name as the page writes it ("Card Recharge"), or an extra operation (List Products). */
  operation: AnyOperationName;
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** JSON body; serialised with Content-Type: application/json. */
  body?: unknown;
  /** A body sent as-is (malformed JSON); contentType then applies. */
  rawBody?: string;
  /** Content-Type for rawBody or to override the JSON one; null sends none. */
  contentType?: string | null;
  auth?: AuthSpec;
  /** x-idempotency-key: absent → a fresh UUID v4 on operations that take one; null → header omitted. */
  idempotencyKey?: string | null;
  onBehalfOf?: string;
  /** Extra headers, sent last. */
  headers?: Record<string, string>;
  /**
   * An in-flight duplicate: sent just behind the request with the same (explicit) idempotency key once that one has
   * left the pacer, instead of a pacing interval later; it still counts against the pace.
   */
  overlapsFirstCopy?: true;
}

export interface Observed {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
  /** The body was larger than the client's cap (1 MiB) and was cut off; json is then undefined. */
  oversized?: boolean;
  durationMs: number;
  request: {
    method: string;
    path: string;
    headers: Record<string, string>;
    idempotencyKey: string | null;
    /** The body as sent (not redacted: redact before it goes anywhere, see harness/repro.ts). */
    body?: string | null;
  };
}

/** What a target is: a mock (built in or npm run mock), the vendor sandbox, or another stand-in. */
export type TargetKind = 'mock' | 'sandbox' | 'other';
