// How many cases run at once by default: the built-in mock is ours and scopes faults per scenario, so 8; any other
// target (a sandbox, a shared mock) keeps the cautious 1 unless --concurrency says otherwise.

export const BUILTIN_MOCK_CONCURRENCY = 8;

export function defaultConcurrency(builtinMock: boolean): number {
  return builtinMock ? BUILTIN_MOCK_CONCURRENCY : 1;
}
