// How many cases run at once by default: the built-in mock is ours and scopes faults per scenario, so 16 (more cases
// in flight keep the worker thread busy while the mock thread answers: 16 and 24 beat 8 by ~0.1 s of a 3 s run on an
// idle 2-core machine, in one sitting; more gains nothing measurable). Any other
// target (a sandbox, a shared mock) gets 4: there the pacer (UQPAY_MAX_RPS, 8/s by default) is what must bound the
// rate, and one case at a time cannot reach it: at the sandbox's ~150 ms a request a lone case sends at most ~6.7 a
// second, fewer while a card settles (bench/README.md, the dress rehearsal). Cases there arm no faults, so concurrent
// cases cannot see each other's.

export const BUILTIN_MOCK_CONCURRENCY = 16;
export const REMOTE_CONCURRENCY = 4;

export function defaultConcurrency(builtinMock: boolean): number {
  return builtinMock ? BUILTIN_MOCK_CONCURRENCY : REMOTE_CONCURRENCY;
}
