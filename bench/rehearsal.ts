// npm run bench:rehearsal: a full dress rehearsal of the nightly sandbox run. It starts `npm run mock --
// --sandbox-like` (its own process; latency, 500 requests/min, 2 s issuing, one token per client, webhooks to a
// receiver here, no control surface), then runs the whole suite as a user would, `npm run conformance -- --env
// <the mock's --write-env file>`: the suite sees a target that is not a mock and runs at its sandbox defaults
// (concurrency, UQPAY_MAX_RPS pacing, UQPAY_FIXTURE_* fixtures). It records the wall time against the least the
// rate limit allows (API requests ÷ 500/min), errors, failures and the cards left live (listed through the public
// API before and after), and appends one line to bench/results.jsonl. Exit 0 when the goal is met, else 1.

import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseEnv } from 'dotenv';
import { scriptArgs } from '../lib/cli.ts';
import { SANDBOX_LIKE } from '../mock/sandbox-like.ts';
import { DEFAULT_WEBHOOK_SECRET } from '../mock/webhooks/dispatcher.ts';
import { liveCards } from './live-cards.ts';
import { startMockChild } from './processes.ts';
import { startWebhookSink } from './webhook-sink.ts';

const HELP = `Usage: npm run bench:rehearsal -- [--seed 1] [--filter <text>] [--timeout-min 40] [--no-record]

A dress rehearsal of the nightly sandbox run: npm run conformance against npm run mock -- --sandbox-like; records the
wall time against the least the rate limit allows; one line in bench/results.jsonl. Exit 0 when the goal is met.`;

const values = scriptArgs('bench:rehearsal', HELP, {
  seed: { type: 'string', default: '1' },
  filter: { type: 'string' },
  'timeout-min': { type: 'string', default: '40' },
  'no-record': { type: 'boolean', default: false },
});
const GOAL_RATIO = 1.2;
const seed = values.seed as string;
const perMinute = SANDBOX_LIKE.globalRateLimit as number;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const log = (line: string) => console.log(`[rehearsal] ${line}`);
const work = mkdtempSync(join(tmpdir(), 'rehearsal-'));
const envFile = join(work, 'rehearsal.env');
const reports = join(work, 'reports');

/** Runs a command in its own process group, killed whole if it outlives the timeout; resolves with its exit code. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number) {
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGTERM'), timeoutMs);
  return new Promise<{ code: number | null; wallS: number }>((resolve) => {
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, wallS: (performance.now() - started) / 1000 });
    });
  });
}

const sink = await startWebhookSink(DEFAULT_WEBHOOK_SECRET);
const mock = await startMockChild([
  '--sandbox-like',
  '--seed',
  seed,
  '--write-env',
  envFile,
  '--webhook-url',
  sink.url,
  '--webhook-secret',
  DEFAULT_WEBHOOK_SECRET,
]);
let report: Record<string, unknown>;
try {
  const settings = parseEnv(readFileSync(envFile));
  const before = await liveCards(settings);
  // As a user types it; the bench's own UQPAY_* settings must not leak into the run.
  const args = ['run', 'conformance', '--', '--env', envFile, '--quiet', '--reports', reports];
  if (values.filter) args.push('--filter', values.filter);
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('UQPAY_')));
  const load_before = round(loadavg()[0] ?? 0);
  log(`npm ${args.join(' ')} against ${settings.UQPAY_BASE_URL} (load ${load_before})`);
  const suite = await run('npm', args, { ...env, UQPAY_SEED: seed }, Number(values['timeout-min']) * 60_000);
  const load_after = round(loadavg()[0] ?? 0);
  const after = await liveCards(settings);
  await mock.stop();
  const served = /mock: served (\d+) requests, (\d+) of them token mints; by status (\{.*\})/u.exec(mock.output());
  if (!served) throw new Error('the mock did not print what it served');
  const results = existsSync(join(reports, 'results.json'))
    ? JSON.parse(readFileSync(join(reports, 'results.json'), 'utf8'))
    : null;
  const hooks = sink.counts();
  // The run's requests: what the mock served, less the listings before and after (each with its own mints).
  const requests = Number(served[1]) - before.requests - after.requests;
  const mints = Number(served[2]) - before.mints - after.mints;
  const apiRequests = requests - mints;
  const minS = apiRequests / (perMinute / 60);
  const cases = results?.summary?.cases ?? null;
  const cardsLeft = [...after.ids].filter((id) => !before.ids.has(id));
  report = {
    bench: 'rehearsal',
    date: new Date().toISOString(),
    command: `npm run bench:rehearsal -- --seed ${seed}${values.filter ? ` --filter "${values.filter}"` : ''}`,
    suite_command: `npm ${args.join(' ')}`.replace(work, '<tmp>').replace(work, '<tmp>'),
    node: process.version,
    cpus: cpus().length,
    load_before,
    load_after,
    seed: Number(seed),
    mock: 'npm run mock -- --sandbox-like (150 ms, 500/min per account, 60 mints/min, settle 2000 ms)',
    exit_code: suite.code,
    wall_s: round(suite.wallS),
    run_duration_s: results ? round(results.run.duration_ms / 1000) : null,
    requests,
    token_mints: mints,
    api_requests: apiRequests,
    min_s: round(minS),
    ratio: round(suite.wallS / minS),
    http_status: JSON.parse(served[3] as string),
    cases,
    // Cards issued, as the mock announced them (card.create.succeeded / .failed at settlement).
    cards_issued: Object.entries(hooks.by_type)
      .filter(([type]) => type.startsWith('card.create.'))
      .reduce((n, [, count]) => n + count, 0),
    cards_left: cardsLeft.length,
    unlisted: [...new Set([...before.unlisted, ...after.unlisted])],
    webhooks: hooks,
  };
  report.goal_met =
    cases !== null &&
    cases.errored === 0 &&
    cases.failed === 0 &&
    cardsLeft.length === 0 &&
    suite.wallS <= GOAL_RATIO * minS;
} finally {
  await mock.stop();
  await sink.close();
}
console.log(JSON.stringify(report, null, 2));
if (!values['no-record']) appendFileSync('bench/results.jsonl', `${JSON.stringify(report)}\n`);
rmSync(work, { recursive: true, force: true });
process.exitCode = report.goal_met ? 0 : 1;
