// The nightly job and the release gate end to end, on a small selection (two operations, the shared runs of
// test/__helpers__/shared-runs.ts): three shards merged equal the unsharded run; the gate passes two identical runs,
// names a one-character message change, accepts it as a known deviation and fails again once the deviation expires;
// the guards of unattended jobs exit 2.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { main as conformanceMain } from '../../cli/conformance.ts';
import { main as gateMain } from '../../cli/gate.ts';
import { main as mergeMain } from '../../cli/merge-reports.ts';
import type { OperationShapes } from '../../harness/shapes.ts';
import type { RunResults } from '../../reporting/results.ts';
import { withoutTiming } from '../../reporting/timing.ts';
import { selectedTitles } from '../../suites/selected-cases.ts';
import { parseSelection } from '../../suites/selection.ts';
import { runCli } from '../__helpers__/run-cli.ts';
import { runMain } from '../__helpers__/run-main.ts';
import {
  DRIFTED_ENTRY,
  DRIFTED_MESSAGE,
  SHARED_RUNS_WAIT_MS,
  SHARED_SELECTION,
  type SharedRuns,
} from '../__helpers__/shared-runs.ts';
import { sharedRuns } from '../__helpers__/shared-runs-reader.ts';

const catalog = loadCatalog();
const OPERATION = 'Retrieve Card';
const CASE = `${OPERATION} › ${DRIFTED_ENTRY}`;
const ONLY = ['--only', OPERATION, '--quiet'];

let runs: SharedRuns;
beforeAll(async () => {
  runs = await sharedRuns();
}, SHARED_RUNS_WAIT_MS);
const root = mkdtempSync(join(tmpdir(), 'release-gate-'));
const at = (...parts: string[]) => join(root, ...parts);
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const gateArgs = (current: string, extra: string[]) => [
  '--baseline',
  join(runs.passing.reports, 'results.json'),
  '--current',
  join(current, 'results.json'),
  ...extra,
];
/** npm run gate in a process of its own (its exit code and stdout as a pipeline sees them). */
const gateProcess = (current: string, ...extra: string[]) => runCli('cli/gate.ts', gateArgs(current, extra));
/** The same, its main in this process: what it reads and prints, without a node start per call. */
const gate = (current: string, ...extra: string[]) => runMain(gateMain, gateArgs(current, extra));
/** A known deviation of the drifted entry on each operation of the selection (both answer it one character off). */
const deviationsFile = (name: string, observed: string, expires: string) => {
  const file = at(name);
  const deviations = SHARED_SELECTION.map((operation) => ({
    entry: DRIFTED_ENTRY,
    operation,
    observed: { message: observed },
    reason: 'vendor ticket 42',
    expires,
  }));
  writeFileSync(file, JSON.stringify({ deviations }));
  return file;
};

/** results.json without what legitimately differs between runs: times, the built-in mock's port, and request
 * counts (each shard's session mints its own token). */
function comparable(text: string) {
  // Timing by nature (reporting/timing.ts) aside; each shard also has its own address and shared arranged state.
  const json = withoutTiming(JSON.parse(text)) as RunResults;
  const { base_url_host: _h, requests: _r, ...run } = json.run;
  const cases = json.cases.map(({ requests: _q, ...c }) => c);
  // Each shard arranges its own shared state, so how often a shape was seen differs; which shapes were seen must not.
  const shapes = Object.fromEntries(
    Object.entries(json.shapes as Record<string, OperationShapes>).map(([operation, o]) => [
      operation,
      {
        fields: Object.fromEntries(Object.entries(o.success.fields).map(([path, f]) => [path, f.types])),
        errors: o.errors.map((e) => JSON.stringify([e.status, e.body])).sort(),
      },
    ]),
  );
  // The built-in mock needs no cleanup; a merge of shards has none to report.
  const { cleanup: _c, ...rest } = json;
  return { ...rest, run, cases, shapes };
}
const junitComparable = (xml: string) =>
  xml.replace(/ (time|timestamp)="[^"]*"/gu, '').replace(/name="(base_url_host|requests)" value="[^"]*"/gu, '');

describe('shards, merge and the gate', () => {
  it('the three shards merged equal the unsharded run, apart from times', async () => {
    for (const run of [runs.passing, ...runs.shards]) expect(run.code, `${run.reports}: ${run.stderr}`).toBe(0);
    const merge = await runCli('cli/merge-reports.ts', [
      ...runs.shards.map((s) => s.reports),
      '--reports',
      at('merged'),
    ]);
    expect(merge.code, merge.stderr).toBe(0);
    const full = runs.passing.reports;
    expect(comparable(read(at('merged'), 'results.json'))).toEqual(comparable(read(full, 'results.json')));
    expect(junitComparable(read(at('merged'), 'junit.xml'))).toBe(junitComparable(read(full, 'junit.xml')));
    expect(JSON.parse(read(full, 'results.json')).run.selection).toBe(
      SHARED_SELECTION.map((name) => `--only ${name}`).join(' '),
    );
  });

  it('two identical runs: the gate exits 0', async () => {
    const same = await gateProcess(at('merged'));
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain('no regression');
  });

  it('a one-character message change: the run and the gate exit 1 and name the case', async () => {
    expect(runs.drifted.code, runs.drifted.stderr).toBe(1);
    expect(runs.drifted.stdout).toMatch(new RegExp(`REGRESSION\\s+pass→fail\\s+${CASE}`, 'u'));
    const drifted = await gate(runs.drifted.reports);
    expect(drifted.code).toBe(1);
    expect(drifted.stdout).toMatch(new RegExp(`REGRESSION\\s+pass→fail\\s+${CASE}: message`, 'u'));
    expect(drifted.stdout).toContain(`message was "card not found or deactivated", now "${DRIFTED_MESSAGE}"`);
    const html = read(runs.drifted.reports, 'conformance.html');
    expect(html).toContain('<code>card.card_not_found</code> failing since');
  });

  it('a deviation for it makes the gate exit 0; expired, or matching nothing, it exits 1', async () => {
    const accepted = await gate(
      runs.drifted.reports,
      '--deviations',
      deviationsFile('ok.json', DRIFTED_MESSAGE, '2999-12-31'),
    );
    expect(accepted.code, accepted.stdout).toBe(0);
    expect(accepted.stdout).toMatch(/CHANGED\s+pass→deviation/u);
    const expired = await gate(
      runs.drifted.reports,
      '--deviations',
      deviationsFile('old.json', DRIFTED_MESSAGE, '2000-01-01'),
    );
    expect(expired.code).toBe(1);
    expect(expired.stdout).toContain('known deviation card.card_not_found on Retrieve Card expired on 2000-01-01');
    const stale = await gate(at('merged'), '--deviations', deviationsFile('stale.json', DRIFTED_MESSAGE, '2999-12-31'));
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('matches no failure any more: remove it from the file');
  });

  it('the reports show a known deviation as such: JUnit, HTML and the summary', async () => {
    const file = deviationsFile('ok2.json', DRIFTED_MESSAGE, '2999-12-31');
    const merge = await runMain(mergeMain, [runs.drifted.reports, '--reports', at('accepted'), '--deviations', file]);
    expect(merge.code, merge.stderr).toBe(0);
    expect(merge.stdout).toContain(`${SHARED_SELECTION.length} known deviations`);
    const junit = read(at('accepted'), 'junit.xml');
    expect(junit).toContain('known deviation until 2999-12-31: vendor ticket 42');
    expect(junit).not.toContain('<failure');
    expect(read(at('accepted'), 'conformance.html')).toContain('≈');
    expect(JSON.parse(read(at('accepted'), 'results.json')).summary.cases).toMatchObject({
      failed: 0,
      deviations: SHARED_SELECTION.length,
    });
  });
});

// Refused before vitest starts: the CLI's main in this process (one test at a time: it reads the process's environment).
describe('guards of unattended jobs exit 2 with one line, before any request', () => {
  it.each([
    [['--expect-target', 'sandbox'], 'conformance: --expect-target sandbox, but UQPAY_BASE_URL is empty'],
    [['--env', '/missing/.env'], 'conformance: cannot read the --env file /missing/.env (ENOENT)'],
    [['--reports', join('package.json', 'reports')], 'conformance: cannot write reports to'],
  ])('%j', async (args, message) => {
    const run = await runMain(conformanceMain, ['--env', '/dev/null', ...ONLY, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
  });

  it('--list prints the selected case names and exits 0', async () => {
    const run = await runMain(conformanceMain, ['--env', '/dev/null', '--list', '--only', OPERATION]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual(selectedTitles(catalog, parseSelection(catalog, [OPERATION], null)));
  });
});
