import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// npm run compare names exactly the difference planted in one of two targets. Two runs of the same few scenarios
// (same seed, shapes recorded as npm run conformance records them): one against the mock, one against a mock whose
// Retrieve Card answers drop card_limit. The diff must list that field and nothing else.

import { loadCatalog } from '../../catalog/load.ts';
import { main } from '../../cli/compare.ts';
import { allScenarios } from '../../generators/index.ts';
import { runCase } from '../../harness/run-case.ts';
import { createSession } from '../../harness/session.ts';
import { createMock, type Mock } from '../../mock/server.ts';
import { buildResults, type RunResults } from '../../reporting/results.ts';
import { scenarioTitles } from '../../suites/case-meta.ts';
import { runMain } from '../__helpers__/run-main.ts';

const catalog = loadCatalog();
const SUBSET = allScenarios.filter((s) => s.operation === 'Retrieve Card').slice(0, 4);
const titles = scenarioTitles(allScenarios);
let dir: string;

/** The mock, optionally with Retrieve Card's success bodies missing card_limit. */
async function listen(dropCardLimit: boolean): Promise<{ mock: Mock; baseUrl: string }> {
  const mock = createMock({ seed: 5, settleMs: 3 });
  if (dropCardLimit) {
    mock.app.addHook('onSend', async (req, reply, payload) => {
      if (req.method !== 'GET' || !/\/cards\/[^/]+$/u.test(req.url) || reply.statusCode !== 200) return payload;
      const { card_limit: _, ...rest } = JSON.parse(String(payload));
      return JSON.stringify(rest);
    });
  }
  await mock.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = mock.app.server.address() as { port: number };
  return { mock, baseUrl: `http://127.0.0.1:${port}/api` };
}

async function runAgainst(dropCardLimit: boolean): Promise<RunResults> {
  const { mock, baseUrl } = await listen(dropCardLimit);
  const session = createSession({ baseUrl, kind: 'mock', seed: 5 });
  const cases = [];
  try {
    for (const scenario of SUBSET) {
      const title = titles.get(scenario) ?? scenario.entry;
      const { result, undocumented, shapes } = await runCase(scenario, session.env, title);
      cases.push({ ...result, title, undocumented, shapes });
    }
  } finally {
    await session.close();
    await mock.app.close();
  }
  const facts = { target: 'mock', base_url_host: 'mock', seed: 5, started_at: '', duration_ms: 0 };
  return buildResults(catalog, facts, cases, session.sharedAnswers());
}

/** npm run compare's main, in this process. */
const compare = (...args: string[]) => runMain(main, args);

/** npm run compare started as its npm script starts it (build/launch.mjs): the exit code of a real process. */
function compareProcess(...args: string[]) {
  const run = spawnSync(process.execPath, ['build/launch.mjs', 'cli/compare.ts', ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uqpay-compare-'));
  writeFileSync(join(dir, 'a.json'), JSON.stringify(await runAgainst(false)));
  writeFileSync(join(dir, 'b.json'), JSON.stringify(await runAgainst(true)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run compare', () => {
  it('names exactly the planted shape difference', () => {
    const { code, stdout } = compareProcess(join(dir, 'a.json'), join(dir, 'b.json'), '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([
      {
        scope: 'operation',
        name: 'Retrieve Card',
        what: 'success shape',
        detail: 'card_limit: a always number, b absent',
      },
    ]);
  });

  it('finds nothing between a run and itself', async () => {
    const { code, stdout } = await compare(join(dir, 'a.json'), join(dir, 'a.json'));
    expect(code).toBe(0);
    expect(stdout).toContain('compare: 0 differences');
  });

  it('records success shapes and error bodies per operation, without card numbers', () => {
    const shapes = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')).shapes;
    expect(shapes['Retrieve Card'].success.fields.card_number).toEqual({
      types: ['string'],
      present: expect.any(Number),
    });
    expect(shapes['Retrieve Card'].errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(shapes)).not.toMatch(/\d{13,19}/u);
  });

  it('refuses a missing file with one line and exit 2', async () => {
    const missing = await compare(join(dir, 'a.json'), join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toEqual([`compare: ${join(dir, 'nope.json')}: no such file`]);
  });
});
