import { defineConfig } from 'vitest/config';

// Two projects: "unit" is the project's own test suite (npm test); "conformance" holds the catalog-driven suites
// that run against a target (npm run conformance).
export default defineConfig({
  test: {
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
          testTimeout: 60_000,
        },
      },
    ],
  },
});
