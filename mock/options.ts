// Start options of the mock, with the defaults a plain `npm run mock` uses.

import type { MockVariant } from './variants.ts';

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
  /** Requests per second per account across all operations; null turns the global limit off. */
  globalRateLimit: number | null;
  latency: LatencyRange | null;
  /** Probability that any API request answers general.api_error (500). */
  faultRate: number;
  bodyLimitBytes: number;
  variant: MockVariant | null;
  /** Batched defect variants, each met only by requests naming it in VARIANT_HEADER (npm run selfcheck). */
  variants: readonly MockVariant[];
}

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
    latency: null,
    faultRate: 0,
    bodyLimitBytes: 5 * 1024 * 1024,
    variant: null,
    variants: [],
    ...partial,
  };
}
