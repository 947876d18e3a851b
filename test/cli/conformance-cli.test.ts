import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/conformance.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';
import { runConformanceCli } from '../__helpers__/run-cli.ts';
import { runMain } from '../__helpers__/run-main.ts';
import {
  DRIFTED_ENTRY,
  DRIFTED_MESSAGE,
  SHARED_RUNS_WAIT_MS,
  SHARED_SEED,
  SHARED_SELECTION,
  type SharedRuns,
} from '../__helpers__/shared-runs.ts';
import { sharedRuns } from '../__helpers__/shared-runs-reader.ts';
import { XMLLINT, xmllintErrors } from '../__helpers__/system-tools.ts';

const reports = () => mkdtempSync(join(tmpdir(), 'conformance-'));
const results = (dir: string) => JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
const FILTER = ['--filter', 'Retrieve Card › card.card_not_found', '--quiet'];
/** As the spawned runs get it (run-cli.ts): a developer's .env must not count. */
const NO_ENV_FILE = ['--env', '/dev/null'];
/** A problem the preflight finds (an unreachable or refusing target) answers only once vitest has started its global setup. */
const PREFLIGHT_TIMEOUT_MS = 90_000;

describe('configuration and environment problems exit 2 with one line', () => {
  // Settings and arguments are refused before vitest starts: the CLI's main, in this process (run-main.ts).
  it.each([
    [{ UQPAY_BASE_URL: 'ftp://example.com/api' }, 'conformance: UQPAY_BASE_URL must be http or https (got ftp)'],
    [{ UQPAY_BASE_URL: 'https://api.uqpay.com/api' }, 'conformance: UQPAY_BASE_URL points at production'],
    [{ UQPAY_SEED: 'abc' }, 'conformance: UQPAY_SEED must be a whole number (got "abc")'],
  ])('%j', async (env, message) => {
    const run = await runMain(main, [...NO_ENV_FILE, ...FILTER], env);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
  });

  // The preflight answers from vitest's global setup: a real process, its own exit code and stderr. What each
  // refusal says is the preflight's own message (test/suites/preflight.test.ts, in-process).
  it(
    'an unreachable target, in a process of its own',
    async () => {
      const run = await runConformanceCli(FILTER, {
        UQPAY_BASE_URL: 'http://127.0.0.1:1/api',
        UQPAY_CLIENT_ID: 'c',
        UQPAY_API_KEY: 'k',
      });
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toEqual([
        expect.stringContaining('conformance: cannot reach the target: 127.0.0.1:1 cannot be reached'),
      ]);
    },
    PREFLIGHT_TIMEOUT_MS,
  );

  it('a target that is not a mock needs credentials', async () => {
    // Refused with the settings, before anything is sent.
    const missing = await runMain(main, [...NO_ENV_FILE, ...FILTER], { UQPAY_BASE_URL: 'http://127.0.0.1:1/api' });
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr.trim()).toBe(
      'conformance: UQPAY_BASE_URL is set, so UQPAY_CLIENT_ID and UQPAY_API_KEY must be set too',
    );
  });

  it('a bad argument and --help', async () => {
    const bad = await runMain(main, ['--nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe("conformance: Unknown option '--nope' (see npm run conformance -- --help)");
    const help = await runMain(main, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
  });
});

describe('an environment that fails mid-run', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ faultRate: 1 });
  });
  afterAll(() => mock.close());

  // One attempt of the case: its runs again after an environment error are test/harness/run-case.test.ts's, and every
  // 500 is retried after 0.5, 1 and 2 s (test/harness/retry-backoff.test.ts) before the case counts as errored.
  it('reports errors, never passes, and exits 2', async () => {
    const dir = reports();
    const run = await runConformanceCli([...FILTER, '--retries-on-error', '0', '--reports', dir], {
      UQPAY_BASE_URL: mock.baseUrl,
    });
    expect(run.code).toBe(2);
    expect(results(dir).summary.cases).toMatchObject({ total: 1, passed: 0, errored: 1 });
  });
});

// The runs of these last two blocks are shared with other files (test/__helpers__/shared-runs.ts, a global setup);
// they come last so that this file's own runs go first while those finish.
let runs: SharedRuns;
const awaitSharedRuns = () =>
  beforeAll(async () => {
    runs = await sharedRuns();
  }, SHARED_RUNS_WAIT_MS);

describe('npm run conformance against the built-in mock', () => {
  awaitSharedRuns();
  it('exits 0, writes results.json, junit.xml, conformance.html and drift.md, and leaks no secret or card data', () => {
    const run = runs.passing;
    expect(run.code, run.stderr).toBe(0);
    // The suite ran on the thread started at the top of the run (cli/worker-prestart.ts), not on a second one.
    expect(run.stderr).not.toContain('early worker thread');
    const json = results(run.reports);
    expect(json.run).toMatchObject({ target: 'mock', seed: SHARED_SEED });
    expect(json.summary.cases.total).toBeGreaterThan(15);
    expect(json.summary.cases).toMatchObject({ failed: 0, errored: 0, skipped: 0 });
    const junit = readFileSync(join(run.reports, 'junit.xml'), 'utf8');
    expect(junit).toContain('name="Retrieve Sensitive Card Details › general.forbidden"');
    if (XMLLINT.available || process.env.CI) {
      expect(xmllintErrors(join(run.reports, 'junit.xml'), join(import.meta.dirname, '../fixtures/junit-10.xsd'))).toBe(
        '',
      );
    }
    const html = readFileSync(join(run.reports, 'conformance.html'), 'utf8');
    expect(html).toContain(`seed <b>${SHARED_SEED}</b>`);
    expect(html).toContain('data-verdict="pass"');
    const drift = readFileSync(join(run.reports, 'drift.md'), 'utf8');
    expect(json.drift.undocumented).toEqual([]);
    for (const text of [JSON.stringify(json), junit, html, drift, run.stdout, run.stderr]) {
      expect(text).not.toContain('mock-api-key');
      expect(text).not.toMatch(/eyJ[\w-]+\./u);
      expect(text).not.toMatch(/\b\d{13,19}\b/u);
    }
  });
});

describe('against a mock with one defective entry', () => {
  awaitSharedRuns();
  it('exits 1 and names the difference', () => {
    const { drifted: run, driftedBaseUrl: baseUrl } = runs;
    expect(run.code, run.stderr).toBe(1);
    // The entry is documented on both operations of the shared selection: one failure on each.
    const failures = results(run.reports).cases.filter((c: { outcome: string }) => c.outcome !== 'pass');
    expect(failures).toMatchObject(
      SHARED_SELECTION.map((operation) => ({ outcome: 'fail', entry: DRIFTED_ENTRY, operation })),
    );
    const [failed] = failures;
    expect(failed.reason).toContain(`message: expected "card not found or deactivated", got "${DRIFTED_MESSAGE}"`);
    expect(failed.repro.curl).toContain(`'${baseUrl}/v1/issuing/cards/`);
    const junit = readFileSync(join(run.reports, 'junit.xml'), 'utf8');
    expect(junit).toContain('diff:     card not found or deactivate[-d-]{+x+}');
    expect(junit).toContain(`curl -sS -i -X GET '${baseUrl}/v1/issuing/cards/`);
    expect(run.stdout).toContain(`failing cases (${SHARED_SELECTION.length}):`);
  });
});
