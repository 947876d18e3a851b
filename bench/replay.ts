// npm run bench:replay: how many requests npm run replay sends against a full run. A mock with a defect (one
// documented message answered with ' for ’, or --defect b-code-string: every envelope-B code sent as a string)
// is judged by a full npm run conformance, then by npm run replay of that run's results.json; the request counts of
// both (results.json run.requests, judged cases only) go into a line of bench/results.jsonl.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../catalog/load.ts';
import { scriptArgs } from '../lib/cli.ts';
import { startMock } from '../mock/server.ts';
import type { MockVariant } from '../mock/variants.ts';
import type { RunResults } from '../reporting/results.ts';
import { appendResult, load1, npmCommand } from './record.ts';

const HELP = `Usage: npm run bench:replay -- [--defect apostrophe|b-code-string] [--no-record]

The requests npm run replay sends against those of the full run it replays, on a mock with the defect; one line in
bench/results.jsonl.`;

const values = scriptArgs('bench:replay', HELP, {
  defect: { type: 'string', default: 'apostrophe' },
  'no-record': { type: 'boolean' },
});
const catalog = loadCatalog();

function variant(name: string): MockVariant {
  if (name === 'b-code-string') {
    const b = catalog.entries.filter((e) => e.envelope === 'B');
    return {
      name,
      defects: Object.fromEntries(
        b.map((e) => [e.id, { entry: {}, body: (x: object) => ({ ...x, code: String(e.code) }) }]),
      ),
    };
  }
  const entry = catalog.entryById.get('cardholder.kyc_insufficient');
  return { name, defects: { [entry?.id ?? '']: { entry: { message: (entry?.message ?? '').replace('’', "'") } } } };
}

const dir = mkdtempSync(join(tmpdir(), 'bench-replay-'));
const loadBefore = load1();
const mock = await startMock({ seed: 1, variant: variant(values.defect ?? 'apostrophe') });
const env = { UQPAY_BASE_URL: mock.baseUrl, UQPAY_SEED: '1' };
/** npm run conformance with these arguments (its entry, as the npm script starts it), against the mock. */
async function conformance(args: string[]): Promise<void> {
  const child = spawn(process.execPath, ['cli/conformance.mjs', ...args], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  await once(child, 'exit');
}
const read = (sub: string) => JSON.parse(readFileSync(join(dir, sub, 'results.json'), 'utf8')) as RunResults;
try {
  await conformance(['--env', '/dev/null', '--quiet', '--reports', join(dir, 'full')]);
  const started = performance.now();
  await conformance([
    'replay',
    join(dir, 'full', 'results.json'),
    '--env',
    '/dev/null',
    '--quiet',
    '--reports',
    join(dir, 'replay'),
  ]);
  const full = read('full');
  const replay = read('replay');
  const line = {
    bench: 'replay',
    command: npmCommand('bench:replay'),
    load_before: loadBefore,
    defect: values.defect,
    full: { cases: full.summary.cases.total, failed: full.summary.cases.failed, requests: full.run.requests },
    replay: {
      cases: replay.summary.cases.total,
      still_failing: replay.summary.cases.failed,
      requests: replay.run.requests,
      wall_s: Number(((performance.now() - started) / 1000).toFixed(1)),
    },
    request_share: Number((replay.run.requests / full.run.requests).toFixed(4)),
  };
  console.log(JSON.stringify(line));
  if (!values['no-record']) appendResult(line);
} finally {
  await mock.close();
}
