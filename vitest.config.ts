import { defineConfig } from 'vitest/config';

// Two projects: "unit" is the project's own test suite (npm test); "conformance" holds the catalog-driven suites
// that run against a target (npm run conformance, or npx vitest run --project conformance with the same settings).
// The conformance reporter writes reports/ only when the conformance project ran; npm run conformance passes its own.
export default defineConfig({
  test: {
    reporters: ['default', './reporting/vitest-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'conformance',
          include: ['suites/**/*.test.ts'],
          globalSetup: ['./suites/global-setup.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
