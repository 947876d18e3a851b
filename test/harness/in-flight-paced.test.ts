// The in-flight duplicate on a target without holds, at the suite's sandbox pacing: the client sends it just behind
// its first copy (not a pacing interval later), so on a target that takes 150 ms per request (the --sandbox-like
// latency) the overlap is arranged and the case is judged, instead of an environment error.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allScenarios } from '../../generators/index.ts';
import { DEFAULT_REMOTE_MAX_RPS } from '../../harness/config.ts';
import { runScenario } from '../../harness/run-scenario.ts';
import { createSession, type Session } from '../../harness/session.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';

let mock: RunningMock;
let session: Session;
beforeAll(async () => {
  mock = await startMock({ latency: { minMs: 150, maxMs: 150 } });
  const credentials = mock.fixtures.credentials.default;
  session = createSession({
    baseUrl: mock.baseUrl,
    kind: 'other',
    seed: 1,
    maxPerSecond: DEFAULT_REMOTE_MAX_RPS,
    env: { UQPAY_CLIENT_ID: credentials.client_id, UQPAY_API_KEY: credentials.api_key },
  });
});
afterAll(async () => {
  await session.close();
  await mock.close();
});

describe('an in-flight duplicate at sandbox pacing', () => {
  it('overlaps its first copy and is judged', async () => {
    const scenario = allScenarios.find(
      (s) => s.operation === 'Create Cardholder' && s.entry === 'general.request_being_processed',
    );
    if (!scenario) throw new Error('no Create Cardholder › general.request_being_processed scenario');
    // The token first, as in a run: otherwise both copies wait on the same mint and leave together.
    await session.env.client.send({ operation: 'List Cards' });
    const result = await runScenario(scenario, session.env);
    expect(`${result.outcome} ${result.reason}`).toMatch(/^pass/u);
  }, 30_000);
});
