// npm run bench: how fast a full conformance run is against the floor and against newman, each figure the median of
// --runs runs (default 3), every ratio from the same sitting. Writes reports/bench.json and appends one line to
// bench/results.jsonl. With --sandbox it also times a subset (--sandbox-filter) against a mock at sandbox-like
// latency and rate limit, with the suite at 1 case at a time and 8 requests/s (the sandbox defaults until issue 17;
// npm run bench:rehearsal runs the whole suite at today's).

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../catalog/load.ts';
import { recordSequentialRun } from '../cli/record-run.ts';
import { scriptArgs } from '../lib/cli.ts';
import { BUILT_IN_SETTLE_MS } from '../mock/options.ts';
import { postmanCollection, RECORDING_SETTLE_MS } from '../reporting/export/postman.ts';
import { BUILTIN_MOCK_CONCURRENCY } from '../suites/concurrency.ts';
import { readRecording, replay, spanS } from './floor.ts';
import { median, startMockChild, timed } from './processes.ts';
import { appendResult, npmCommand } from './record.ts';

const HELP = `Usage: npm run bench -- [--runs 3] [--seed 1] [--no-newman] [--sandbox [--sandbox-filter <text>]] [--no-record]

A full conformance run against the floor and against newman, each the median of --runs runs; writes
reports/bench.json and one line in bench/results.jsonl.`;

const values = scriptArgs('bench', HELP, {
  runs: { type: 'string', default: '3' },
  seed: { type: 'string', default: '1' },
  sandbox: { type: 'boolean', default: false },
  'sandbox-filter': { type: 'string', default: 'Card Recharge' },
  'no-newman': { type: 'boolean', default: false },
  'no-record': { type: 'boolean', default: false },
});
const runs = Number(values.runs);
const seed = values.seed;
const work = mkdtempSync(join(tmpdir(), 'bench-suite-'));
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const log = (line: string) => console.log(`[bench] ${line}`);
const load_before = round(loadavg()[0] ?? 0);

/** `node cli/conformance.mjs --quiet` into reports folder `name` of the sitting, from spawn to exit; throws unless it passed. */
async function runConformance(name: string, args: string[], env: Record<string, string | undefined>) {
  const dir = join(work, name);
  const run = await timed(process.execPath, ['cli/conformance.mjs', '--quiet', '--reports', dir, ...args], {
    UQPAY_SEED: seed,
    ...env,
  });
  if (run.code !== 0) throw new Error(`conformance run ${name} exited ${run.code}:\n${run.stdout.slice(-2000)}`);
  return { dir, wallS: run.wallS };
}

/** A run with every request recorded: its case-execution span and the requests the floor replays. */
async function conformance(index: number, args: string[], env: Record<string, string | undefined>) {
  const recording = join(work, `requests-${index}.jsonl`);
  const run = await runConformance(`run-${index}`, args, { UQPAY_RECORD_REQUESTS: recording, ...env });
  const results = JSON.parse(readFileSync(join(run.dir, 'results.json'), 'utf8'));
  const requests = readRecording(recording);
  return { wallS: run.wallS, spanS: spanS(requests), requests, cases: results.summary.cases.total as number };
}

/** A run as a user starts it: nothing recorded (a recorded run took 1.05× as long, paired A/B here). */
async function plainRunWallS(index: number): Promise<number> {
  return (await runConformance(`plain-${index}`, [], {})).wallS;
}

// 1. The suite on the built-in mock (its wall from a run of its own, unrecorded), and the floor replaying each
// recorded run's requests at the same concurrency: the run's default there (no --concurrency is passed).
const concurrency = BUILTIN_MOCK_CONCURRENCY;
const suite: Awaited<ReturnType<typeof conformance>>[] = [];
const floor: number[] = [];
let statusMismatches = 0;
for (let i = 0; i < runs; i++) {
  const wallS = await plainRunWallS(i);
  const run = { ...(await conformance(i, [], {})), wallS };
  suite.push(run);
  // A mock built like the run's: same seed, cards settling as on the built-in mock.
  const mock = await startMockChild(['--seed', seed, '--settle-ms', String(BUILT_IN_SETTLE_MS)]);
  try {
    const replayed = await replay(run.requests, mock.baseUrl, concurrency);
    floor.push(replayed.seconds);
    statusMismatches = Math.max(statusMismatches, replayed.statusMismatches);
    if (replayed.statusMismatches)
      log(`floor run ${i + 1}: ${replayed.statusMismatches} statuses differ: ${replayed.mismatches.join('; ')}`);
  } finally {
    await mock.stop();
  }
  log(`suite run ${i + 1}: wall ${round(run.wallS)} s, cases ${round(run.spanS)} s, floor ${round(floor[i] ?? 0)} s`);
}
const wall = median(suite.map((s) => s.wallS));
const caseExecution = median(suite.map((s) => s.spanS));
const floorS = median(floor);
const requestsPerCase = round(median(suite.map((s) => s.requests.length / s.cases)));

// 2. Newman on the exported collection (the same scenarios, sequential), each run on a fresh mock.
let newman: { s: number; ratio: number; requests: number } | null = null;
if (!values['no-newman']) {
  const recorded = await recordSequentialRun(Number(seed));
  const collection = join(work, 'collection.json');
  writeFileSync(collection, JSON.stringify(postmanCollection(recorded.cases, { ...recorded, seed: Number(seed) })));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // The collection was recorded on a mock whose cards settle at once: replayed on the same timing.
    const mock = await startMockChild(['--seed', seed, '--settle-ms', String(RECORDING_SETTLE_MS)]);
    try {
      const origin = new URL(mock.baseUrl).origin;
      const run = await timed(
        process.execPath,
        [
          'node_modules/newman/bin/newman.js',
          'run',
          collection,
          '--env-var',
          `baseUrl=${mock.baseUrl}`,
          '--env-var',
          `mockOrigin=${origin}`,
          '--reporters',
          'json',
          '--reporter-json-export',
          join(work, `newman-${i}.json`),
        ],
        {},
      );
      if (run.code !== 0) throw new Error(`newman run ${i} exited ${run.code} (assertions failed?)`);
      times.push(run.wallS);
      log(`newman run ${i + 1}: ${round(run.wallS)} s`);
    } finally {
      await mock.stop();
    }
  }
  const requests = recorded.cases.reduce((n, c) => n + c.requests.length, 0);
  newman = { s: round(median(times)), ratio: round(median(times) / wall, 1), requests };
}

// 3. Sandbox emulation: ~150 ms latency, 500 requests/min, the suite at 1 case at a time and 8 requests/s.
let sandbox: { wall_s: number; min_s: number; ratio: number; requests: number; filter: string } | null = null;
if (values.sandbox) {
  const filter = values['sandbox-filter'] as string;
  const latencyS = 0.15;
  const perMinute = 500;
  const spans: number[] = [];
  let requests = 0;
  for (let i = 0; i < runs; i++) {
    const mock = await startMockChild([
      '--seed',
      seed,
      '--latency',
      '150-150',
      '--rate-limit',
      String(Math.floor(perMinute / 60)),
    ]);
    try {
      const run = await conformance(100 + i, ['--filter', filter, '--concurrency', '1'], {
        UQPAY_BASE_URL: mock.baseUrl,
        UQPAY_MAX_RPS: '8',
      });
      spans.push(run.spanS);
      requests = run.requests.filter((r) => !r.url.includes('/__mock/')).length;
      log(`sandbox emulation run ${i + 1}: ${round(run.spanS)} s for ${requests} API requests`);
    } finally {
      await mock.stop();
    }
  }
  // One case at a time: the longest chain of dependent requests is every API request of the run.
  const minS = Math.max(requests / (perMinute / 60), requests * latencyS);
  sandbox = { wall_s: round(median(spans)), min_s: round(minS), ratio: round(median(spans) / minS), requests, filter };
}

const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  load_before,
  seed: Number(seed),
  runs,
  catalog_entries: loadCatalog().entries.length,
  suite: {
    wall_s: round(wall),
    walls_s: suite.map((s) => round(s.wallS)),
    case_execution_s: round(caseExecution),
    concurrency,
    cases: suite[0]?.cases ?? 0,
  },
  floor: { s: round(floorS), requests: suite[0]?.requests.length ?? 0, status_mismatches: statusMismatches },
  ratio_floor: round(caseExecution / floorS),
  newman: newman ? { s: newman.s, requests: newman.requests } : null,
  ratio_newman: newman?.ratio ?? null,
  requests_per_case: requestsPerCase,
  sandbox_emulation: sandbox,
};
mkdirSync('reports', { recursive: true });
writeFileSync('reports/bench.json', `${JSON.stringify(report, null, 2)}\n`);
if (!values['no-record']) appendResult({ bench: 'suite', command: npmCommand('bench'), ...report });
console.log(JSON.stringify(report, null, 2));
rmSync(work, { recursive: true, force: true });
process.exitCode = 0;
