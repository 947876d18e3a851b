// The conformance project's vitest settings, in one place for vitest.config.ts (npx vitest run --project
// conformance) and npm run conformance (cli/vitest-options.ts), which runs the compiled copies in dist/ when fresh.

export const CONFORMANCE_PROJECT = {
  name: 'conformance',
  include: ['suites/**/*.test.ts'],
  globalSetup: ['./suites/global-setup.ts'],
  testTimeout: 60_000,
};
