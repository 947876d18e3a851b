import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { CONFORMANCE_PROJECT } from './suites/project.ts';
import { SlowFirstSequencer } from './test/__helpers__/slow-first.ts';

// Two projects: "unit" is the project's own test suite (npm test); "conformance" holds the catalog-driven suites
// that run against a target (npm run conformance, or npx vitest run --project conformance with the same settings).
// The conformance reporter writes reports/ only when the conformance project ran; npm run conformance passes its own.
export default defineConfig({
  test: {
    reporters: ['default', './reporting/vitest-reporter.ts'],
    // The longest unit files start first (test/__helpers__/slow-first.ts), whatever vitest's cache holds.
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          testTimeout: 30_000,
          // The npm run conformance runs that several files only read, started once (test/__helpers__/shared-runs.ts).
          globalSetup: ['./test/__helpers__/shared-runs.ts'],
          // Files run in parallel: vitest's default on 2 cores is a single worker, and much of a file's time is
          // waiting on a child process or loopback HTTP. Not isolated: the catalog, ajv, faker and fastify are
          // loaded once per worker instead of once per file (tests start their own mocks and share no state).
          maxWorkers: Math.max(3, availableParallelism()),
          isolate: false,
        },
      },
      { test: CONFORMANCE_PROJECT },
    ],
  },
});
