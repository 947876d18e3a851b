// Exact attribution and same-seed replay, at the suite's concurrency of 8 (harness/case-answers.ts, run-case.ts).
// A mock whose answers are rewritten by a hook plants undocumented answers: for one case only (every other case
// runs beside it), and then, for two same-seed runs against equal fresh mocks, a one-character change to every
// documented message, so that every case fails and every answer is undocumented or drift.

import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { SCOPE_HEADER } from '../../contract/faults.ts';
import { allScenarios } from '../../generators/index.ts';
import { MockFixtures } from '../../harness/fixtures.ts';
import { mapConcurrent } from '../../harness/pool.ts';
import { runCase } from '../../harness/run-case.ts';
import { newScope } from '../../harness/scope.ts';
import { createSession } from '../../harness/session.ts';
import { createMock } from '../../mock/server.ts';
import { buildResults, type RunResults } from '../../reporting/results.ts';
import { withoutTiming } from '../../reporting/timing.ts';
import { scenarioTitles } from '../../suites/case-meta.ts';

const SEED = 23;
const catalog = loadCatalog();
const titles = scenarioTitles(allScenarios);
// More than eight cases at a time: arrange steps, shared arranged state (cards) and an in-flight duplicate.
const SUBSET = [
  ...allScenarios.filter((s) => s.operation === 'Retrieve Card'),
  ...allScenarios.filter((s) => s.operation === 'Card Recharge').slice(0, 8),
  ...allScenarios.filter((s) => s.operation === 'Create Cardholder' && s.entry === 'general.request_being_processed'),
];
const PLANTED = { code: 499, message: 'planted: an answer the page does not document' };

type Rewrite = (scope: string | undefined, status: number, body: Record<string, unknown>) => unknown;

/** A fresh mock with the seed, its 4xx JSON answers passed through rewrite; on the given port (0: any). */
async function mockWith(rewrite: Rewrite, port = 0) {
  const mock = createMock({ seed: SEED, settleMs: 3 });
  mock.app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode < 400 || typeof payload !== 'string' || !payload.startsWith('{')) return payload;
    const scope = req.headers[SCOPE_HEADER];
    return JSON.stringify(
      rewrite(typeof scope === 'string' ? scope : undefined, reply.statusCode, JSON.parse(payload)),
    );
  });
  await mock.app.listen({ host: '127.0.0.1', port });
  const address = mock.app.server.address() as { port: number };
  return { close: () => mock.app.close(), port: address.port, baseUrl: `http://127.0.0.1:${address.port}/api` };
}

/** The subset run once against a fresh mock that rewrites answers; on the given port (0: any). */
async function runAgainst(rewrite: Rewrite, port = 0): Promise<{ results: RunResults; port: number }> {
  const mock = await mockWith(rewrite, port);
  try {
    return { results: await runSubset(mock.baseUrl), port: mock.port };
  } finally {
    await mock.close();
  }
}

/** The subset, 8 cases at a time, through runCase as the suite runs them; results.json as the reporter builds it. */
async function runSubset(baseUrl: string): Promise<RunResults> {
  const session = createSession({ baseUrl, kind: 'mock', seed: SEED, freshTarget: true });
  try {
    const cases = await mapConcurrent(SUBSET, 8, async (scenario) => {
      const title = titles.get(scenario) ?? scenario.entry;
      const run = await runCase(scenario, session.env, title);
      return { ...run.result, title, undocumented: run.undocumented, shapes: run.shapes };
    });
    const facts = { target: 'mock', base_url_host: new URL(baseUrl).host, seed: SEED, started_at: '', duration_ms: 0 };
    return buildResults(catalog, facts, cases, session.sharedAnswers());
  } finally {
    await session.close();
  }
}

describe('an undocumented answer sent from one case while seven others run', () => {
  const target = SUBSET.find((s) => s.operation === 'Card Recharge');
  const title = target ? (titles.get(target) ?? '') : '';
  let results: RunResults;
  beforeAll(async () => {
    const scope = newScope(new MockFixtures('http://127.0.0.1:1/api'), SEED, title);
    ({ results } = await runAgainst((s, _status, body) => (s === scope ? PLANTED : body)));
  }, 120_000);

  it('is attributed to that case exactly, every time it was seen', () => {
    const planted = results.undocumented.filter((u) => JSON.stringify(u.body) === JSON.stringify(PLANTED));
    expect(planted.length).toBeGreaterThan(0);
    expect(new Set(planted.map((u) => u.seen_in))).toEqual(new Set([title]));
  });

  it('is not listed again as undocumented drift when it is that case’s failure', () => {
    const failed = results.cases.find((c) => c.title === title);
    expect(failed?.outcome).toBe('fail');
    expect(failed?.observed).toMatchObject({ status: expect.any(Number), code: PLANTED.code });
    expect(results.drift.undocumented.filter((a) => JSON.stringify(a.body) === JSON.stringify(PLANTED))).toEqual([]);
  });

  it('leaves the seven others and their answers alone', () => {
    const others = results.cases.filter((c) => c.title !== title);
    expect(others.length).toBeGreaterThanOrEqual(7);
    expect(others.every((c) => c.outcome === 'pass')).toBe(true);
  });
});

/** The results with the mock's address written as one placeholder. */
function atAddress(results: RunResults): RunResults {
  const host = results.run.base_url_host;
  return JSON.parse(JSON.stringify(results).replaceAll(host, '127.0.0.1:<port>')) as RunResults;
}

describe('two runs with the same seed against equal targets, 8 cases at a time', () => {
  let first: RunResults;
  let second: RunResults;
  beforeAll(async () => {
    // Every documented message one character off: every case fails, with a repro, and every answer drifts.
    const skewed: Rewrite = (_scope, _status, body) =>
      typeof body.message === 'string' ? { ...body, message: `${body.message}~` } : body;
    // Each on a port of its own (a reused port can meet a pooled connection to the closed mock): the address is
    // per run by nature (run.base_url_host, the curl commands), so it is written the same before comparing.
    first = atAddress((await runAgainst(skewed)).results);
    second = atAddress((await runAgainst(skewed)).results);
  }, 180_000);

  it('give the same results.json apart from the timing keys', () => {
    expect(first.summary.cases.failed).toBeGreaterThan(0);
    expect(first.undocumented.length + first.drift.message_drift.length).toBeGreaterThan(0);
    expect(withoutTiming(second)).toEqual(withoutTiming(first));
  });
});
