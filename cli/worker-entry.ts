// The entry of the early worker thread (cli/worker-prestart.ts): vitest's own worker entry, then the suite's modules,
// loaded while the main thread still loads vitest/node. vitest imports them again for the suite: from the cache.

await import(new URL('./workers/threads.js', import.meta.resolve('vitest/node')).href);
await Promise.all([
  import('../generators/index.ts'),
  import('../harness/run-case.ts'),
  import('../harness/session.ts'),
  import('../suites/case-meta.ts'),
  import('../suites/selected-cases.ts'),
]);
