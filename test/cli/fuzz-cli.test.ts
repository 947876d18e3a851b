// npm run fuzz end to end: exit 0 with fuzz.json and a uqpay-fuzz testsuite added to an existing junit.xml (a real
// process); exit 1 against a mock whose message is one character off, naming the property, the shrunk
// counterexample and a redacted curl; exit 2 with one line for bad settings.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { main } from '../../cli/fuzz.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';
import { defectVariant } from '../../mock/variants.ts';
import { runFuzzCli } from '../__helpers__/run-cli.ts';
import { runMain } from '../__helpers__/run-main.ts';

/** Generous: these tests start servers or processes, and share two cores with other test files. */
const SLOW_MS = 120_000;

const catalog = loadCatalog();
const reports = () => mkdtempSync(join(tmpdir(), 'fuzz-'));
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');
/** As the spawned runs get it (run-cli.ts): a developer's .env must not count. */
const NO_ENV_FILE = ['--env', '/dev/null'];
const FIRST_NAME = 'rule › Create Cardholder › cardholder.invalid_first_name';
const CONFORMANCE_JUNIT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="1" failures="0" errors="0" skipped="0" time="0.5">
  <testsuite name="uqpay-conformance.card" tests="1" failures="0" errors="0" skipped="0" time="0.5">
    <testcase classname="card.card.card_not_found" name="Retrieve Card › card.card_not_found" time="0.5"/>
  </testsuite>
</testsuites>
`;

describe('npm run fuzz against the built-in mock', { timeout: SLOW_MS }, () => {
  it('exits 0, writes fuzz.json and adds its testsuite to an existing junit.xml', async () => {
    const dir = reports();
    writeFileSync(join(dir, 'junit.xml'), CONFORMANCE_JUNIT);
    const run = await runFuzzCli(['--filter', 'idempotency ›', '--quiet', '--reports', dir], {
      UQPAY_SEED: '7',
      UQPAY_FUZZ_RUNS: '4',
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\d+ cases\/s/u);
    const json = JSON.parse(read(dir, 'fuzz.json'));
    expect(json.run).toMatchObject({ target: 'mock', seed: 7, num_runs: 4 });
    expect(json.properties.length).toBeGreaterThan(0);
    for (const p of json.properties) {
      expect(p).toMatchObject({ outcome: 'pass', counterexample: null });
      expect(p).toHaveProperty('entry');
      expect(typeof p.seed).toBe('number');
    }
    expect(json.cases_per_second).toBeGreaterThan(0);
    const junit = read(dir, 'junit.xml');
    expect(junit).toContain('name="uqpay-conformance.card"');
    expect(junit).toContain('name="uqpay-fuzz"');
    expect(junit).toMatch(new RegExp(`<testsuites tests="${json.properties.length + 1}"`, 'u'));
    for (const text of [read(dir, 'fuzz.json'), junit, run.stdout, run.stderr]) {
      expect(text).not.toContain('mock-api-key');
      expect(text).not.toMatch(/eyJ[\w-]+\./u);
    }
  });
});

describe('against a mock whose message is one character off', { timeout: SLOW_MS }, () => {
  let mock: RunningMock;
  beforeAll(async () => {
    const entry = catalog.entryById.get('cardholder.invalid_first_name');
    mock = await startMock({ variant: entry ? defectVariant(entry, 'message') : null });
  }, SLOW_MS);
  afterAll(() => mock.close());

  // The CLI's main in this process (no vitest inside npm run fuzz): the run above is its real process.
  it('exits 1 and names the property, the shrunk counterexample and a redacted curl', async () => {
    const dir = reports();
    const run = await runMain(main, [...NO_ENV_FILE, '--filter', FIRST_NAME, '--reports', dir], {
      UQPAY_BASE_URL: mock.baseUrl,
      UQPAY_SEED: '11',
      UQPAY_FUZZ_RUNS: '20',
    });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain(`FALSIFIED ${FIRST_NAME}`);
    // Shrunk to the shortest refused name: one letter over the 40-letter boundary.
    const shrunk = JSON.stringify(['a'.repeat(41)]);
    expect(run.stdout).toContain(`counterexample (shrunk): ${shrunk}`);
    const [property] = JSON.parse(read(dir, 'fuzz.json')).properties;
    expect(property).toMatchObject({
      outcome: 'fail',
      entry: 'cardholder.invalid_first_name',
      counterexample: shrunk,
    });
    expect(property.reason).toContain('message: expected "invalid first name');
    expect(property.path).toMatch(/^\d+(:\d+)*$/u);
    expect(property.curl).toContain('"x-auth-token: Bearer $UQPAY_TOKEN"');
    expect(read(dir, 'junit.xml')).toContain('PropertyFalsified');
  });
});

// Refused before any request: the CLI's main in this process; the first run above is a real process (its exit code).
describe('bad settings', () => {
  // One run proves the CLI path (one line on stderr, exit 2); the other checks are unit tests of fuzz-args.ts.
  it('exit 2 with one line', async () => {
    const run = await runMain(main, NO_ENV_FILE, { UQPAY_FUZZ_RUNS: 'many' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('UQPAY_FUZZ_RUNS must be a whole number');
  });

  it('an --env file that cannot be read: exit 2 with one line', async () => {
    const run = await runMain(main, [...NO_ENV_FILE, '--env', join(reports(), 'missing.env')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^fuzz: cannot read the --env file .*missing\.env \(ENOENT\)$/mu);
  });
});
