// Start options of the mock, with the defaults a plain `npm run mock` uses.

import type { MockVariant } from './variants.ts';
import { DEFAULT_WEBHOOK_SECRET } from './webhooks/dispatcher.ts';

export interface LatencyRange {
  minMs: number;
  maxMs: number;
}

/** Named latency profiles; "sandbox" approximates a remote sandbox seen from a CI runner. */
export const LATENCY_PROFILES: Readonly<Record<string, LatencyRange | null>> = {
  none: null,
  sandbox: { minMs: 80, maxMs: 350 },
};

export interface MockOptions {
  host: string;
  port: number;
  seed: number;
  clientId: string;
  apiKey: string;
  tokenTtlSeconds: number;
  /** Calls per card per operation on Retrieve Sensitive Card Details and Create PAN Token. */
  perCardLimit: { limit: number; windowMs: number };
  /** Requests per account across all operations in any rateLimitWindowMs (a sliding window); null turns it off. */
  globalRateLimit: number | null;
  /** The window of globalRateLimit: 1,000 ms for --rate-limit N, 60,000 ms for --rate-limit N/min. */
  rateLimitWindowMs: number;
  /** Token mints per client id in any windowMs (a sliding window), 429 past it; null for no limit. */
  tokenRateLimit: { limit: number; windowMs: number } | null;
  /** Serve the mock-only routes under /__mock; false hides them (404), as on the vendor's sandbox. */
  controlSurface: boolean;
  latency: LatencyRange | null;
  /** Probability that any API request answers general.api_error (500). */
  faultRate: number;
  /** Share of API requests that meet a 429+Retry-After, a 500, a reset or 2 s of latency (mock/http/chaos.ts). */
  chaosRate: number;
  bodyLimitBytes: number;
  variant: MockVariant | null;
  /** A client that has not sent its headers, or its whole request, in this long is cut off (slowloris, half-sent). */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Open connections at most; more are refused. */
  maxConnections: number;
  /** How long Create Card, Assign Card and third-party KYC stay PENDING before they settle; 0 settles at once. */
  settleMs: number;
  /** Where published events are POSTed; null logs them without sending (set later through /__mock/webhooks). */
  webhookUrl: string | null;
  /** The secret webhook signatures are made with. */
  webhookSecret: string;
  /** Batched defect variants, each met only by requests naming it in VARIANT_HEADER (npm run selfcheck). */
  variants: readonly MockVariant[];
}

/** npm run mock's default: about what the sandbox takes to issue a virtual card (see mock/README.md). */
export const CLI_SETTLE_MS = 2_000;
/** The mock npm run conformance starts in-process: asynchronous, but only just, so runs stay fast. */
export const BUILT_IN_SETTLE_MS = 1;

export const DEFAULT_CLIENT_ID = 'mock-client-id';
export const DEFAULT_API_KEY = 'mock-api-key';

export function mockOptions(partial: Partial<MockOptions> = {}): MockOptions {
  return {
    host: '127.0.0.1',
    port: 0,
    seed: 1,
    clientId: DEFAULT_CLIENT_ID,
    apiKey: DEFAULT_API_KEY,
    tokenTtlSeconds: 30 * 60,
    perCardLimit: { limit: 3, windowMs: 10_000 },
    globalRateLimit: null,
    rateLimitWindowMs: 1000,
    tokenRateLimit: null,
    controlSurface: true,
    latency: null,
    faultRate: 0,
    chaosRate: 0,
    bodyLimitBytes: 5 * 1024 * 1024,
    variant: null,
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 30_000,
    maxConnections: 256,
    settleMs: 0,
    webhookUrl: null,
    webhookSecret: DEFAULT_WEBHOOK_SECRET,
    variants: [],
    ...partial,
  };
}

/** How a conformance run starts the built-in mock (in its preflight, or on a thread of its own). */
export function builtinMockOptions(seed: number, mockFaults: number | null): Partial<MockOptions> {
  return { seed, chaosRate: mockFaults ?? 0, settleMs: BUILT_IN_SETTLE_MS };
}
