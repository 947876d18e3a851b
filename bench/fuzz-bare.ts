// Fuzz throughput against the built-in mock, and a bare undici loop that sends the same requests without checks.
// Runs the rule, twin and structural properties (UQPAY_FUZZ_RUNS-like --runs each) against the mock in-process,
// as npm run fuzz does, recording every request it sends; then replays exactly those requests (token refreshed)
// against a fresh mock with the same number of concurrent workers, each answer read and thrown away. Prints cases/s,
// requests/s of both, their ratio, and appends one JSON line to bench/results.jsonl.
//
//   npm run bench:fuzz-bare -- [--runs 100] [--concurrency 8] [--seed 1] [--no-record]

import { availableParallelism, loadavg } from 'node:os';
import { Pool } from 'undici';
import type { RequestSpec } from '../contract/request.ts';
import { fuzzContext } from '../fuzz/context.ts';
import { allRuleProperties } from '../fuzz/rules/index.ts';
import { runProperties } from '../fuzz/run.ts';
import { allStructuralProperties } from '../fuzz/structural.ts';
import { createSession } from '../harness/session.ts';
import { scriptArgs } from '../lib/cli.ts';
import { startMock } from '../mock/server.ts';
import { appendResult, npmCommand } from './record.ts';

const HELP = `Usage: npm run bench:fuzz-bare -- [--runs 100] [--concurrency 8] [--seed 1] [--no-record]

Fuzz throughput against the built-in mock in-process, then a bare undici loop replaying the same requests; prints
cases/s and requests/s of both and their ratio; one line in bench/results.jsonl.`;

const args = scriptArgs('bench:fuzz-bare', HELP, {
  runs: { type: 'string', default: '100' },
  concurrency: { type: 'string', default: '8' },
  seed: { type: 'string', default: '1' },
  'no-record': { type: 'boolean', default: false },
});
const runs = Number(args.runs);
const concurrency = Number(args.concurrency);
const seed = Number(args.seed);

interface Recorded {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | null;
}

const loadBefore = Number(loadavg()[0]?.toFixed(2));

// 1. The fuzz run, recording what it sends.
const mock = await startMock({ seed });
const session = createSession({ baseUrl: mock.baseUrl, kind: 'mock', seed });
const fz = await fuzzContext(session);
const recorded: Recorded[] = [];
const send = fz.ctx.send;
fz.ctx.send = async (spec: RequestSpec) => {
  const observed = await send(spec);
  const body = spec.rawBody ?? (spec.body === undefined ? null : JSON.stringify(spec.body));
  recorded.push({
    method: observed.request.method,
    path: observed.request.path,
    headers: observed.request.headers,
    body,
  });
  return observed;
};
const properties = [...allRuleProperties(), ...allStructuralProperties()];
const fuzzStarted = performance.now();
const results = await runProperties(properties, fz, { seed, numRuns: runs, baseUrl: mock.baseUrl, concurrency });
const fuzzSeconds = (performance.now() - fuzzStarted) / 1000;
const fuzzRequests = session.env.client.requestCount;
const cases = results.reduce((sum, r) => sum + r.runs + r.shrinks, 0);
const falsified = results.filter((r) => r.outcome !== 'pass').map((r) => `${r.name}: ${r.outcome}`);
await session.close();
await mock.close();

// 2. The bare loop: the same requests, same concurrency, no checks, against a fresh mock.
const bare = await startMock({ seed });
const origin = new URL(bare.baseUrl).origin;
const minted = await fetch(`${bare.baseUrl}/v1/connect/token`, {
  method: 'POST',
  headers: { 'x-client-id': bare.options.clientId, 'x-api-key': bare.options.apiKey },
}).then((r) => r.json() as Promise<{ auth_token: string }>);
const pool = new Pool(origin, { connections: 16 });
const prefix = new URL(bare.baseUrl).pathname;
let next = 0;
const bareStarted = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < recorded.length) {
      const r = recorded[next++] as Recorded;
      const headers = { ...r.headers };
      if ('x-auth-token' in headers) headers['x-auth-token'] = `Bearer ${minted.auth_token}`;
      const answer = await pool.request({
        method: r.method as 'GET',
        path: `${prefix}${r.path}`,
        headers,
        body: r.body,
      });
      await answer.body.dump();
    }
  }),
);
const bareSeconds = (performance.now() - bareStarted) / 1000;
await pool.close();
await bare.close();

const line = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: availableParallelism(),
  load_before: loadBefore,
  bench: 'fuzz-bare',
  command: npmCommand('bench:fuzz-bare'),
  properties: properties.length,
  runs_per_property: runs,
  concurrency,
  seed,
  cases,
  cases_per_second: Math.round(cases / fuzzSeconds),
  fuzz_requests: fuzzRequests,
  fuzz_s: Number(fuzzSeconds.toFixed(2)),
  fuzz_rps: Math.round(fuzzRequests / fuzzSeconds),
  bare_requests: recorded.length,
  bare_s: Number(bareSeconds.toFixed(2)),
  bare_rps: Math.round(recorded.length / bareSeconds),
  slowdown: Number((fuzzSeconds / bareSeconds).toFixed(2)),
  not_held: falsified,
};
console.log(
  `fuzz: ${cases} cases in ${line.fuzz_s} s = ${line.cases_per_second} cases/s (${line.fuzz_rps} requests/s)\n` +
    `bare undici loop, same ${line.bare_requests} requests: ${line.bare_s} s = ${line.bare_rps} requests/s\n` +
    `fuzz takes ${line.slowdown}× the bare loop's time · load before ${loadBefore}` +
    `${falsified.length ? `\nproperties that did not hold: ${falsified.join('; ')}` : ''}`,
);
if (!args['no-record']) appendResult(line);
process.exitCode = falsified.length ? 1 : 0;
