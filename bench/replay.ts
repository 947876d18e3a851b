// npm run bench:replay: how many requests npm run replay sends against a full run. A mock with a defect (one
// documented message answered with ' for ’, or --defect b-code-string: every envelope-B code sent as a string)
// is judged by a full npm run conformance, then by npm run replay of that run's results.json; the request counts of
// both (results.json run.requests, judged cases only) go into a line of bench/results.jsonl.

import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../catalog/load.ts';
import { startMock } from '../mock/server.ts';
import type { MockVariant } from '../mock/variants.ts';
import type { RunResults } from '../reporting/results.ts';
import { runCli } from '../test/__helpers__/run-cli.ts';

const RESULTS = join(import.meta.dirname, 'results.jsonl');
const { values } = parseArgs({
  options: { defect: { type: 'string', default: 'apostrophe' }, 'no-record': { type: 'boolean' } },
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
const loadBefore = Number(loadavg()[0]?.toFixed(2));
const mock = await startMock({ seed: 1, variant: variant(values.defect ?? 'apostrophe') });
const env = { UQPAY_BASE_URL: mock.baseUrl, UQPAY_SEED: '1' };
const read = (sub: string) => JSON.parse(readFileSync(join(dir, sub, 'results.json'), 'utf8')) as RunResults;
try {
  await runCli('cli/conformance.mjs', ['--env', '/dev/null', '--quiet', '--reports', join(dir, 'full')], env, 600_000);
  const started = performance.now();
  await runCli(
    'cli/conformance.mjs',
    ['replay', join(dir, 'full', 'results.json'), '--env', '/dev/null', '--quiet', '--reports', join(dir, 'replay')],
    env,
    600_000,
  );
  const full = read('full');
  const replay = read('replay');
  const line = {
    bench: 'replay',
    command: `npm run bench:replay -- --defect ${values.defect}`,
    date: new Date().toISOString(),
    node: process.version,
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
  if (!values['no-record']) appendFileSync(RESULTS, `${JSON.stringify(line)}\n`);
} finally {
  await mock.close();
}
