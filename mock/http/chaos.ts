// Background faults for resilience runs (npm run conformance -- --mock-faults <rate>): about that share of API
// requests meets one of the troubles a real network and a real sandbox produce — a 429 with Retry-After, a 500, a
// connection reset, or 2 s of latency. Unlike armed faults (faults.ts), they are not cleared between scenarios.

export type Chaos = 'rate-limit' | 'error' | 'reset' | 'latency';

const KINDS: readonly Chaos[] = ['rate-limit', 'error', 'reset', 'latency'];
export const CHAOS_LATENCY_MS = 2000;

export function pickChaos(random: () => number, rate: number): Chaos | null {
  if (rate <= 0 || random() >= rate) return null;
  return KINDS[Math.floor(random() * KINDS.length)] ?? null;
}
