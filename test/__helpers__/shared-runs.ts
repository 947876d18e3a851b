// Global setup of the unit project: the npm run conformance runs that several test files only read (exit code,
// stdout, stderr, the reports), each started once as a real process and handed to the tests through vitest's
// provide/inject: the setup provides where to ask, and the tests wait for them in sharedRuns() (shared-runs-reader.ts).
// The runs, on one selection and seed:
// - passing: the built-in mock, with a --history file;
// - shards: the same three times, --shard i/3;
// - drifted: a mock whose card.card_not_found message is one character off, with passing as --baseline and the
//   same history.
// Started only when a test file that reads them is selected (a run of one other file does not wait for them).

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadCatalog } from '../../catalog/load.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';
import { defectVariant } from '../../mock/variants.ts';
import { type CliRun, runConformanceCli } from './run-cli.ts';

/** The test files that inject the runs. */
const READERS = ['test/cli/conformance-cli.test.ts', 'test/cli/release-gate.test.ts'];
/** Two operations: Retrieve Sensitive Card Details answers card data, which no output may show. */
export const SHARED_SELECTION = ['Retrieve Card', 'Retrieve Sensitive Card Details'];
export const SHARED_SEED = 5;
/** The entry whose message the drifted run's mock sends one character off, and what it sends. */
export const DRIFTED_ENTRY = 'card.card_not_found';
export const DRIFTED_MESSAGE = 'card not found or deactivatex';
/** A whole CLI run with vitest inside, on two cores shared with the rest of the run. */
const RUN_TIMEOUT_MS = 300_000;

export interface SharedRun extends CliRun {
  /** The --reports folder. */
  reports: string;
}

export interface SharedRuns {
  passing: SharedRun;
  shards: SharedRun[];
  drifted: SharedRun;
  /** The --history file passing and drifted appended to. */
  history: string;
  /** The API base of the drifted run's mock (it appears in that run's curl lines). */
  driftedBaseUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the runs are answered once they are done (GET, JSON); see sharedRuns(). */
    sharedRunsUrl: string;
  }
}

const ONLY = SHARED_SELECTION.flatMap((name) => ['--only', name]);

/**
 * Starts the runs and returns at once: the test files start beside them (the CPU they leave idle is used), and the
 * files that read them wait in sharedRuns() until they are done. Answered over loopback HTTP because the runs
 * finish after vitest's provide (values fixed when the setup returns) and the tests run in other threads.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  // vitest's own file filters (`vitest run test/mock`): substrings of the files' paths.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern ?? [];
  if (filters.length > 0 && !READERS.some((file) => filters.some((filter) => file.includes(filter)))) return;
  const root = mkdtempSync(join(tmpdir(), 'shared-runs-'));
  // Settled either way, so a failed run is an answer (the reading tests fail with it), never an unhandled rejection.
  const answer: Promise<{ status: number; body: string }> = startRuns(root).then(
    (runs) => ({ status: 200, body: JSON.stringify(runs) }),
    (error: unknown) => ({
      status: 500,
      body: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }),
  );
  const server = createServer((_req, res) => {
    void answer.then(({ status, body }) => res.writeHead(status, { 'content-type': 'application/json' }).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  project.provide('sharedRunsUrl', `http://127.0.0.1:${port}/`);
  return async () => {
    await answer;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  };
}

async function startRuns(root: string): Promise<SharedRuns> {
  const history = join(root, 'history.jsonl');
  const entry = loadCatalog().entryById.get(DRIFTED_ENTRY);
  let defect: RunningMock | undefined;
  const run = async (name: string, args: string[], env: Record<string, string> = {}): Promise<SharedRun> => {
    const reports = join(root, name);
    const done = await runConformanceCli(
      [...ONLY, '--quiet', '--reports', reports, ...args],
      { UQPAY_SEED: String(SHARED_SEED), ...env },
      RUN_TIMEOUT_MS,
    );
    return { ...done, reports };
  };
  try {
    const startDefect = startMock({ seed: SHARED_SEED, variant: entry ? defectVariant(entry, 'message') : null });
    const [passing, ...shards] = await Promise.all([
      run('passing', ['--history', history]),
      ...[1, 2, 3].map((i) => run(`shard${i}`, ['--shard', `${i}/3`])),
    ]);
    defect = await startDefect;
    const passingResults = join((passing as SharedRun).reports, 'results.json');
    const drifted = await run('drifted', ['--history', history, '--baseline', passingResults], {
      UQPAY_BASE_URL: defect.baseUrl,
    });
    return { passing: passing as SharedRun, shards, drifted, history, driftedBaseUrl: defect.baseUrl };
  } finally {
    await defect?.close();
  }
}

/** How long a reader may wait for them: the passing runs and then the drifted one, each a whole CLI run. */
export const SHARED_RUNS_WAIT_MS = 2 * RUN_TIMEOUT_MS;
