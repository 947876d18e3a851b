// The nightly job and the release gate end to end, on a small selection (--only "Retrieve Card"): three shards
// merged equal the unsharded run; the gate passes two identical runs, names a one-character message change, accepts
// it as a known deviation and fails again once the deviation expires; the guards of unattended jobs exit 2.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import type { OperationShapes } from '../../harness/shapes.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';
import { defectVariant } from '../../mock/variants.ts';
import type { RunResults } from '../../reporting/results.ts';
import { withoutTiming } from '../../reporting/timing.ts';
import { selectedTitles } from '../../suites/selected-cases.ts';
import { parseSelection } from '../../suites/selection.ts';
import { type CliRun, runCli, runConformanceCli } from '../__helpers__/run-cli.ts';

const catalog = loadCatalog();
const OPERATION = 'Retrieve Card';
const CASE = `${OPERATION} › card.card_not_found`;
const DRIFTED = 'card not found or deactivatex';
const ONLY = ['--only', OPERATION, '--quiet'];
const SEED = { UQPAY_SEED: '5' };
const SLOW = 300_000;

const root = mkdtempSync(join(tmpdir(), 'release-gate-'));
const at = (...parts: string[]) => join(root, ...parts);
const read = (...parts: string[]) => readFileSync(at(...parts), 'utf8');
const gate = (current: string, ...extra: string[]) =>
  runCli('cli/gate.ts', ['--baseline', at('full', 'results.json'), '--current', at(current, 'results.json'), ...extra]);
const deviationsFile = (name: string, observed: string, expires: string) => {
  const file = at(name);
  const deviation = { entry: 'card.card_not_found', operation: OPERATION, observed: { message: observed } };
  writeFileSync(file, JSON.stringify({ deviations: [{ ...deviation, reason: 'vendor ticket 42', expires }] }));
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
  let defect: RunningMock;
  let runs: Record<'full' | 'shard1' | 'shard2' | 'shard3' | 'drifted', CliRun>;

  beforeAll(async () => {
    const [full, shard1, shard2, shard3] = await Promise.all([
      runConformanceCli([...ONLY, '--reports', at('full'), '--history', at('history.jsonl')], SEED, SLOW),
      ...[1, 2, 3].map((i) =>
        runConformanceCli([...ONLY, '--shard', `${i}/3`, '--reports', at(`shard${i}`)], SEED, SLOW),
      ),
    ]);
    const entry = catalog.entryById.get('card.card_not_found');
    defect = await startMock({ seed: 5, variant: entry ? defectVariant(entry, 'message') : null });
    const drifted = await runConformanceCli(
      [...ONLY, '--reports', at('drifted'), '--history', at('history.jsonl'), '--baseline', at('full', 'results.json')],
      { ...SEED, UQPAY_BASE_URL: defect.baseUrl },
      SLOW,
    );
    runs = { full, shard1, shard2, shard3, drifted } as typeof runs;
  }, SLOW);
  afterAll(() => defect?.close());

  it('the three shards merged equal the unsharded run, apart from times', async () => {
    for (const name of ['full', 'shard1', 'shard2', 'shard3'] as const)
      expect(runs[name].code, `${name}: ${runs[name].stderr}`).toBe(0);
    const merge = await runCli('cli/merge-reports.ts', [
      at('shard1'),
      at('shard2'),
      at('shard3'),
      '--reports',
      at('merged'),
    ]);
    expect(merge.code, merge.stderr).toBe(0);
    expect(comparable(read('merged', 'results.json'))).toEqual(comparable(read('full', 'results.json')));
    expect(junitComparable(read('merged', 'junit.xml'))).toBe(junitComparable(read('full', 'junit.xml')));
    expect(JSON.parse(read('full', 'results.json')).run.selection).toBe(`--only ${OPERATION}`);
  });

  it('two identical runs: the gate exits 0', async () => {
    const same = await gate('merged');
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain('no regression');
  });

  it('a one-character message change: the run and the gate exit 1 and name the case', async () => {
    expect(runs.drifted.code, runs.drifted.stderr).toBe(1);
    expect(runs.drifted.stdout).toMatch(new RegExp(`REGRESSION\\s+pass→fail\\s+${CASE}`, 'u'));
    const drifted = await gate('drifted');
    expect(drifted.code).toBe(1);
    expect(drifted.stdout).toMatch(new RegExp(`REGRESSION\\s+pass→fail\\s+${CASE}: message`, 'u'));
    expect(drifted.stdout).toContain(`message was "card not found or deactivated", now "${DRIFTED}"`);
    const html = read('drifted', 'conformance.html');
    expect(html).toContain('<code>card.card_not_found</code> failing since');
  });

  it('a deviation for it makes the gate exit 0; expired, or matching nothing, it exits 1', async () => {
    const accepted = await gate('drifted', '--deviations', deviationsFile('ok.json', DRIFTED, '2999-12-31'));
    expect(accepted.code, accepted.stdout).toBe(0);
    expect(accepted.stdout).toMatch(/CHANGED\s+pass→deviation/u);
    const expired = await gate('drifted', '--deviations', deviationsFile('old.json', DRIFTED, '2000-01-01'));
    expect(expired.code).toBe(1);
    expect(expired.stdout).toContain('known deviation card.card_not_found on Retrieve Card expired on 2000-01-01');
    const stale = await gate('merged', '--deviations', deviationsFile('stale.json', DRIFTED, '2999-12-31'));
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('matches no failure any more: remove it from the file');
  });

  it('the reports show a known deviation as such: JUnit, HTML and the summary', async () => {
    const file = deviationsFile('ok2.json', DRIFTED, '2999-12-31');
    const merge = await runCli('cli/merge-reports.ts', [
      at('drifted'),
      '--reports',
      at('accepted'),
      '--deviations',
      file,
    ]);
    expect(merge.code, merge.stderr).toBe(0);
    expect(merge.stdout).toContain('1 known deviations');
    const junit = read('accepted', 'junit.xml');
    expect(junit).toContain('known deviation until 2999-12-31: vendor ticket 42');
    expect(junit).not.toContain('<failure');
    expect(read('accepted', 'conformance.html')).toContain('≈');
    expect(JSON.parse(read('accepted', 'results.json')).summary.cases).toMatchObject({ failed: 0, deviations: 1 });
  });
});

describe('guards of unattended jobs exit 2 with one line, before any request', () => {
  it.concurrent.each([
    [['--expect-target', 'sandbox'], 'conformance: --expect-target sandbox, but UQPAY_BASE_URL is empty'],
    [['--env', '/missing/.env'], 'conformance: cannot read the --env file /missing/.env (ENOENT)'],
    [['--reports', join('package.json', 'reports')], 'conformance: cannot write reports to'],
  ])(
    '%j',
    async (args, message) => {
      const run = await runConformanceCli([...ONLY, ...args], {});
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(message);
    },
    SLOW,
  );

  it.concurrent(
    '--list prints the selected case names and exits 0',
    async () => {
      const run = await runConformanceCli(['--list', '--only', OPERATION], {});
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.trim().split('\n')).toEqual(
        selectedTitles(catalog, parseSelection(catalog, [OPERATION], null)),
      );
    },
    SLOW,
  );
});
