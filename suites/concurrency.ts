// How many cases run at once by default: the built-in mock is ours and scopes faults per scenario, so 8. Any other
// target (a sandbox, a shared mock) gets 4: there the pacer (UQPAY_MAX_RPS, 8/s by default) is what must bound the
// rate, and one case at a time could not reach it. At the sandbox's ~150 ms a request and ~2 s card settlement a lone
// case sends about 4.6 requests/s (bench/README.md, the dress rehearsal), so the run took 1.8× the time the 500/min
// limit allows. Cases there arm no faults, so concurrent cases cannot see each other's.

export const BUILTIN_MOCK_CONCURRENCY = 8;
export const REMOTE_CONCURRENCY = 4;

export function defaultConcurrency(builtinMock: boolean): number {
  return builtinMock ? BUILTIN_MOCK_CONCURRENCY : REMOTE_CONCURRENCY;
}
