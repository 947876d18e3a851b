// Where the idempotency keys the harness adds come from: a random UUID, unless a run installed a provider (fuzz
// cases derive theirs from their seed, so a replayed case sends the same bytes; fuzz/values.ts).

import { randomUUID } from 'node:crypto';

let provider: (() => string | null) | null = null;

/** Installs the provider; it answers null where it has no key to give (then a random UUID is used). */
export function provideIdempotencyKeys(next: () => string | null): void {
  provider = next;
}

export function newIdempotencyKey(): string {
  return provider?.() ?? randomUUID();
}
