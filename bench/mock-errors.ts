// How fast the mock answers documented errors: starts the mock (its own process by default), mints a token and
// fires error-provoking requests over loopback with undici (a Pool with keep-alive connections and pipelining) for
// a fixed duration. Prints requests/second and p50/p99 latency, byte-checks every body against the catalog's and
// fully judges a sample, and appends one JSON line to bench/results.jsonl.
//
//   npm run bench:mock -- [--duration 10] [--connections 8] [--pipelining 1] [--kind card_not_found|mixed]
//                         [--in-process | --target <base URL>] [--profile <dir>] [--no-record]
//
// --target benchmarks a mock that is already running (npm run mock); --profile writes a V8 CPU profile of the
// mock process into <dir> (child-process mode only), to see what dominates.

import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { Pool, request } from 'undici';
import { errorBody } from '../catalog/envelope.ts';
import { type Catalog, loadCatalog } from '../catalog/load.ts';
import type { CatalogEntry } from '../catalog/types.ts';
import type { Fixtures } from '../contract/fixtures.ts';
import type { Observed } from '../contract/request.ts';
import { judge } from '../harness/judge.ts';
import { scriptArgs } from '../lib/cli.ts';
import { startMock } from '../mock/server.ts';
import { appendResult, npmCommand } from './record.ts';

const SAMPLE_EVERY = 100;

const HELP = `Usage: npm run bench:mock -- [--duration 10] [--warmup 2] [--connections 8] [--pipelining 1]
                          [--kind card_not_found|mixed] [--in-process | --target <base URL>] [--profile <dir>]
                          [--no-record]

How fast the mock answers documented errors: requests/second and p50/p99 latency, every body byte-checked against
the catalog; one line in bench/results.jsonl. --target: a mock already running (npm run mock); --profile: a V8 CPU
profile of the mock process into <dir>.`;

const args = scriptArgs('bench:mock', HELP, {
  duration: { type: 'string', default: '10' },
  warmup: { type: 'string', default: '2' },
  connections: { type: 'string', default: '8' },
  pipelining: { type: 'string', default: '1' },
  kind: { type: 'string', default: 'card_not_found' },
  'in-process': { type: 'boolean', default: false },
  target: { type: 'string' },
  profile: { type: 'string' },
  'no-record': { type: 'boolean', default: false },
  serve: { type: 'boolean', default: false },
});

/** One kind of error-provoking request and the catalog entry it must produce. */
interface Probe {
  entry: string;
  path: () => string;
  headers: Record<string, string>;
}

async function main(): Promise<void> {
  if (args.serve) return serve();
  const catalog = loadCatalog();
  const { baseUrl, stop } = args.target
    ? { baseUrl: args.target, stop: async () => undefined }
    : args['in-process']
      ? await inProcess()
      : await childProcess(args.profile);
  try {
    const origin = new URL(baseUrl).origin;
    const fixtures = (await (await request(`${origin}/__mock/fixtures`)).body.json()) as Fixtures;
    const token = await mint(baseUrl, fixtures);
    const probes = probesFor(args.kind ?? 'card_not_found', token);
    const expected = probes.map((p) => expectedAnswer(catalog, p));
    const connections = Number(args.connections);
    const pipelining = Number(args.pipelining);
    const pool = new Pool(origin, { connections, pipelining });

    // Other work on the machine skews the figures; the 1-minute load average before the run says how much.
    const loadBefore = round(loadavg()[0] ?? 0);
    await load(pool, probes, expected, Number(args.warmup) * 1000, connections * pipelining);
    const run = await load(pool, probes, expected, Number(args.duration) * 1000, connections * pipelining);
    await pool.close();

    const result = resultLine(run, { loadBefore, connections, pipelining });
    console.log(JSON.stringify(result, null, 2));
    if (run.mismatches > 0) process.exitCode = 1;
    if (!args['no-record']) appendResult({ bench: 'mock', command: npmCommand('bench:mock'), ...result });
  } finally {
    await stop();
  }
}

/** The answer a probe must get: its entry's status and, unless the message is variable, the exact body text. */
function expectedAnswer(catalog: Catalog, probe: Probe): Expected {
  const entry = catalog.entryById.get(probe.entry);
  if (!entry) throw new Error(`unknown entry ${probe.entry}`);
  const details = entry.message_kind === 'variable' ? { message: 'x' } : {};
  return {
    entry,
    status: entry.status,
    text: entry.message_kind === 'variable' ? null : JSON.stringify(errorBody(entry, details)),
  };
}

/** The figures of one run, as the line bench/results.jsonl gets. */
function resultLine(
  run: Awaited<ReturnType<typeof load>>,
  setup: { loadBefore: number; connections: number; pipelining: number },
) {
  const lat = Float64Array.from(run.latencies).sort();
  const pct = (p: number) => round(lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))] ?? 0);
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: availableParallelism(),
    load_before: setup.loadBefore,
    mode: args.target ? 'target' : args['in-process'] ? 'in-process' : 'child-process',
    kind: args.kind,
    connections: setup.connections,
    pipelining: setup.pipelining,
    duration_s: round(run.elapsedMs / 1000),
    requests: run.count,
    rps: Math.round(run.count / (run.elapsedMs / 1000)),
    p50_ms: pct(50),
    p99_ms: pct(99),
    bodies_byte_checked: run.byteChecked,
    bodies_judged: run.judged,
    mismatches: run.mismatches,
    wrong: run.wrong,
  };
}

function probesFor(kind: string, token: string): Probe[] {
  const auth = { 'x-auth-token': `Bearer ${token}` };
  const notFound: Probe = {
    entry: 'card.card_not_found',
    path: () => `/api/v1/issuing/cards/${uuid()}`,
    headers: auth,
  };
  if (kind === 'card_not_found') return [notFound];
  if (kind !== 'mixed') throw new Error(`--kind must be card_not_found or mixed, not ${kind}`);
  return [
    notFound,
    { entry: 'general.unauthorized_error', path: () => `/api/v1/issuing/cards/${uuid()}`, headers: {} },
    { entry: 'general.invalid_request_error', path: () => '/api/v1/issuing/cards/not-a-card', headers: auth },
    { entry: 'balance.account_balance_error', path: () => '/api/v1/issuing/balances?currency=EUR', headers: auth },
  ];
}

interface Expected {
  entry: CatalogEntry;
  status: number;
  /** The exact body text; null for a variable message until a body of it has passed the judge. */
  text: string | null;
}

async function load(pool: Pool, probes: Probe[], expected: Expected[], durationMs: number, concurrency: number) {
  const latencies: number[] = [];
  const wrong: string[] = [];
  let count = 0;
  let byteChecked = 0;
  let judged = 0;
  let mismatches = 0;
  const started = performance.now();
  const end = started + durationMs;
  const worker = async (offset: number) => {
    for (let i = offset; performance.now() < end; i += concurrency) {
      const index = i % probes.length;
      const probe = probes[index] as Probe;
      const want = expected[index] as Expected;
      const t0 = performance.now();
      const res = await pool.request({ method: 'GET', path: probe.path(), headers: probe.headers });
      const text = await res.body.text();
      latencies.push(performance.now() - t0);
      count++;
      const note = (problem: string) => {
        mismatches++;
        if (wrong.length < 20) wrong.push(`${probe.entry}: ${problem}`);
      };
      if (res.statusCode !== want.status) note(`status ${res.statusCode} ${text.slice(0, 120)}`);
      if (want.text === null || count % SAMPLE_EVERY === 0) {
        judged++;
        const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
        const verdict = judge(want.entry, { status: res.statusCode, headers, json: parseJson(text), text } as Observed);
        // A variable message has no catalog text: the first body that passes the judge is the one to match.
        if (verdict.outcome === 'pass') want.text ??= text;
        else note(verdict.reason);
      }
      if (want.text !== null) {
        byteChecked++;
        if (text !== want.text) note(`body ${text.slice(0, 160)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, k) => worker(k)));
  return { latencies, wrong, mismatches, count, byteChecked, judged, elapsedMs: performance.now() - started };
}

async function mint(baseUrl: string, fixtures: Fixtures): Promise<string> {
  const { client_id, api_key } = fixtures.credentials.default;
  const res = await request(`${baseUrl}/v1/connect/token`, {
    method: 'POST',
    headers: { 'x-client-id': client_id, 'x-api-key': api_key },
  });
  const body = (await res.body.json()) as { auth_token?: string };
  if (res.statusCode !== 200 || !body.auth_token) throw new Error(`token request answered ${res.statusCode}`);
  return body.auth_token;
}

async function inProcess() {
  const mock = await startMock({ port: 0 });
  return { baseUrl: mock.baseUrl, stop: () => mock.close() };
}

/** The mock in its own process (this file with --serve), so the load generator does not share its event loop. */
async function childProcess(profileDir?: string): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const script = new URL(import.meta.url).pathname;
  const child: ChildProcess = spawn(process.execPath, [...process.execArgv, ...profile, script, '--serve'], {
    // stdin stays open so that the mock stops with this process, however it ends.
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n')[0];
      if (buffered.includes('\n') && line) resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`mock process exited with ${code} before listening`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { baseUrl, stop };
}

async function serve(): Promise<void> {
  const mock = await startMock({ port: 0 });
  process.stdout.write(`${mock.baseUrl}\n`);
  const stop = () => void mock.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.stdin.once('end', stop).resume();
}

function uuid(): string {
  return crypto.randomUUID();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

await main();
