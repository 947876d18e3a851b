// How many cases run at once by default: the built-in mock is ours and scopes faults per scenario, so 8; any other
// target (a sandbox, a shared mock) keeps the cautious 1 unless --concurrency says otherwise.

import type { ResolvedTarget } from './preflight.ts';

export const BUILTIN_MOCK_CONCURRENCY = 8;

export function defaultConcurrency(target: ResolvedTarget): number {
  return target.mock ? BUILTIN_MOCK_CONCURRENCY : 1;
}
