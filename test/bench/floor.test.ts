import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../bench/floor.ts';
import { allScenarios } from '../../generators/index.ts';
import { mapConcurrent } from '../../harness/pool.ts';
import { type RecordedRequest, startRecording, stopRecording } from '../../harness/recorder.ts';
import { runScenario } from '../../harness/run-scenario.ts';
import { createSession } from '../../harness/session.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';
import { scenarioTitles } from '../../suites/case-meta.ts';

// The bench's floor (bench/floor.ts) replays a concurrent run's recorded requests in the run's structure: each
// owner's requests in the order they awaited each other, ids mapped to the replay's own, in-flight duplicates with
// their holds. On a mock built like the run's, every answer takes the recorded path.
const SEED = 41;
// Cards settle at once on both mocks: no answer depends on how long the replay took to reach it.
const SETTLE_MS = 0;
const CONCURRENCY = 4;

let recorded: readonly RecordedRequest[] = [];

beforeAll(async () => {
  const mock = await startMock({ seed: SEED, settleMs: SETTLE_MS });
  startRecording('mock', ':memory:');
  const session = createSession({ baseUrl: mock.baseUrl, kind: 'mock', seed: SEED, env: {}, freshTarget: true });
  const titles = scenarioTitles(allScenarios);
  const chosen = allScenarios.filter(
    (s) => s.operation === 'Card Recharge' || (s.operation === 'Create Card' && s.entry.startsWith('general.')),
  );
  try {
    const outcomes = await mapConcurrent(chosen, CONCURRENCY, async (scenario) => {
      const label = titles.get(scenario) ?? scenario.entry;
      return `${label}: ${(await runScenario(scenario, session.env, { label })).outcome}`;
    });
    expect(outcomes.filter((line) => !line.endsWith(': pass'))).toEqual([]);
  } finally {
    recorded = stopRecording();
    await session.close();
    await mock.close();
  }
});

describe('the floor replays a run like for like', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ seed: SEED, settleMs: SETTLE_MS });
  });
  afterAll(() => mock.close());

  it('sends every recorded request, holds and in-flight duplicates included, and each takes the recorded path', async () => {
    expect(recorded.some((r) => r.url.includes('/__mock/holds/'))).toBe(true);
    expect(new Set(recorded.map((r) => r.owner)).size).toBeGreaterThan(CONCURRENCY);
    const floor = await replay(recorded, mock.baseUrl, CONCURRENCY);
    expect(floor.requests).toBe(recorded.length);
    expect(floor.mismatches).toEqual([]);
    expect(floor.statusMismatches).toBe(0);
  });

  it('counts an answer whose status is not the recorded one', async () => {
    const fresh = await startMock({ seed: SEED, settleMs: SETTLE_MS });
    try {
      const index = recorded.findIndex((r) => r.status >= 400 && !r.url.includes('/__mock/'));
      const tampered = recorded.map((r, i) => (i === index ? { ...r, status: 299 } : r));
      const floor = await replay(tampered, fresh.baseUrl, CONCURRENCY);
      expect(floor.statusMismatches).toBe(1);
      expect(floor.mismatches[0]).toMatch(/, recorded 299$/u);
    } finally {
      await fresh.close();
    }
  });
});
