// Robustness of the mock under random traffic over real HTTP: random methods, paths (mostly real API paths with
// random ids, some garbage), headers (valid and broken tokens, idempotency keys, x-on-behalf-of, content types)
// and bodies (JSON objects, malformed JSON, huge strings, arrays, numbers). Whatever comes in, the mock must never
// answer 5xx, must stay up, and every refusal must be a documented catalog body or the routing shape
// {code: 404|405|413, message}. Replay a run with UQPAY_SEED=<seed>.

import fc from 'fast-check';
import { Pool, request } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import type { Fixtures } from '../../contract/fixtures.ts';
import type { Observed } from '../../contract/request.ts';
import { matchCatalog } from '../../harness/judge.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';
import { type FuzzRequest, fuzzRequest } from '../__helpers__/fuzz-requests.ts';

const SEED = Number(process.env.UQPAY_SEED ?? 20_240_601);
const RUNS = 500;
const BATCH = 20;
const ROUTING = new Set([404, 405, 413]);

const catalog = loadCatalog();
let mock: RunningMock;
let pool: Pool;
let fixtures: Fixtures;
let validToken = '';
/** Other x-auth-token values: bare, superseded, expired, tampered, other accounts'. */
let otherTokens: string[] = [];

async function json(method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}): Promise<unknown> {
  const res = await request(url, { method, headers, body: method === 'POST' ? '{}' : null });
  return res.body.json();
}

async function mint(name: keyof Fixtures['credentials']): Promise<string> {
  const { client_id, api_key } = fixtures.credentials[name];
  const minted = (await json('POST', `${mock.baseUrl}/v1/connect/token`, {
    'x-client-id': client_id,
    'x-api-key': api_key,
  })) as { auth_token: string };
  return minted.auth_token;
}

beforeAll(async () => {
  mock = await startMock({ port: 0 }, catalog);
  const origin = new URL(mock.baseUrl).origin;
  pool = new Pool(origin, { connections: 8, pipelining: 1 });
  fixtures = (await json('GET', `${origin}/__mock/fixtures`)) as Fixtures;
  const superseded = await mint('default');
  const valid = await mint('default');
  const expired = (
    (await json('POST', `${origin}/__mock/tokens/expired`, { 'content-type': 'application/json' })) as {
      auth_token: string;
    }
  ).auth_token;
  const others = await Promise.all(
    (['no-sensitive-permission', 'deactivated-account', 'deleted-account', 'deactivated-user'] as const).map(mint),
  );
  validToken = `Bearer ${valid}`;
  otherTokens = [
    valid,
    `Bearer ${superseded}`,
    `Bearer ${expired}`,
    `Bearer ${valid.slice(0, -2)}xx`,
    `Bearer ${valid.split('.').slice(0, 2).join('.')}`,
    ...others.map((t) => `Bearer ${t}`),
  ];
  console.log(`fuzz seed ${SEED} (replay with UQPAY_SEED=${SEED})`);
});

afterAll(async () => {
  await pool?.close();
  await mock?.close();
});

async function send(req: FuzzRequest): Promise<void> {
  const headers = Object.fromEntries(Object.entries(req.headers).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
  // reset: false keeps the connection after a GET or DELETE with a body (undici closes it by default): the same
  // requests over 8 kept-alive connections rather than thousands of new ones.
  const res = await pool.request({
    method: req.method as 'GET',
    path: req.path,
    headers,
    body: req.body ?? null,
    reset: false,
  });
  const text = await res.body.text();
  const shown = { ...headers, 'x-auth-token': headers['x-auth-token']?.slice(0, 24) };
  const where = `${req.method} ${req.path.slice(0, 160)} headers=${JSON.stringify(shown)} body=${(req.body ?? '').slice(0, 200)}`;
  const answered = `→ ${res.statusCode} ${text.slice(0, 300)}`;
  if (res.statusCode >= 500) throw new Error(`5xx: ${where} ${answered}`);
  if (res.statusCode < 300 || req.method === 'HEAD') return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`non-JSON refusal: ${where} ${answered}`);
  }
  const observed = { status: res.statusCode, json: parsed, text, headers: {} } as Observed;
  if (matchCatalog(catalog, observed).length > 0) return;
  const routing =
    ROUTING.has(res.statusCode) &&
    typeof parsed === 'object' &&
    parsed !== null &&
    Object.keys(parsed).sort().join() === 'code,message' &&
    (parsed as { code: unknown }).code === res.statusCode &&
    typeof (parsed as { message: unknown }).message === 'string';
  if (!routing) throw new Error(`undocumented refusal: ${where} ${answered}`);
}

it(`answers ${RUNS * BATCH} random requests without 5xx, crash or undocumented body`, {
  timeout: 120_000,
}, async () => {
  const requests = fuzzRequest({ operations: catalog.operations, fixtures, validToken, otherTokens });
  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(fc.array(requests, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
      await Promise.all(batch.map(send));
    }),
    {
      numRuns: RUNS,
      seed: SEED,
      // The first failing batch is reported as the one request that failed, not the whole (huge) batch.
      endOnFailure: true,
      asyncReporter: async (details) => {
        if (!details.failed) return;
        const cause = details.errorInstance instanceof Error ? details.errorInstance.message : details.counterexample;
        throw new Error(`fuzz failed (seed ${SEED}, run ${details.numRuns}): ${cause}`);
      },
    },
  );
  // How deep the traffic got: statuses, and how many distinct catalog entries the rules produced.
  console.log(
    `fuzz: ${RUNS * BATCH} requests in ${Math.round(performance.now() - started)} ms; by status ${JSON.stringify(mock.stats.byStatus)}; ${mock.services.produced.size} (entry, operation) pairs produced`,
  );
  const health = await request(`${new URL(mock.baseUrl).origin}/__mock/health`);
  expect(health.statusCode).toBe(200);
  expect(((await health.body.json()) as { status: string }).status).toBe('ok');
});
