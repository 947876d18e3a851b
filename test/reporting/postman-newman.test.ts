// The export -> newman path a user follows (npm run export -- --postman, then newman on the mock the help names):
// a small filter, recorded and replayed in-process with newman's library, passes every assertion on a mock with the
// recording's card timing, and fails on npm run mock's default timing, where the cards it creates are still PENDING.

import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { recordSequentialRun } from '../../cli/record-run.ts';
import { CLI_SETTLE_MS } from '../../mock/options.ts';
import { startMock } from '../../mock/server.ts';
import { postmanCollection, RECORDING_SETTLE_MS, replayMockCommand } from '../../reporting/export/postman.ts';

interface NewmanSummary {
  run: { stats: { assertions: { total: number; failed: number } }; failures: { error: { message: string } }[] };
}
type NewmanRun = (options: object, done: (error: Error | null, summary: NewmanSummary) => void) => void;
const newman = createRequire(import.meta.url)('newman') as { run: NewmanRun };

const SEED = 7;
// Recharge needs an ACTIVE card: the case that tells the two timings apart.
const FILTER = 'Card Recharge › card.b.recharge_amount_is_invalid';

async function replayOn(settleMs: number, collection: object) {
  const mock = await startMock({ seed: SEED, settleMs });
  try {
    const origin = new URL(mock.baseUrl).origin;
    const summary = await new Promise<NewmanSummary>((resolve, reject) =>
      newman.run(
        {
          collection,
          envVar: [
            { key: 'baseUrl', value: mock.baseUrl },
            { key: 'mockOrigin', value: origin },
          ],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      ),
    );
    return summary.run;
  } finally {
    await mock.close();
  }
}

describe('the Postman export replayed by newman', () => {
  it('passes on the mock its help names, and fails where cards settle later', { timeout: 60_000 }, async () => {
    expect(replayMockCommand(SEED)).toBe(`npm run mock -- --seed ${SEED} --settle-ms ${RECORDING_SETTLE_MS}`);
    const recorded = await recordSequentialRun(SEED, FILTER);
    expect(recorded.failed).toEqual([]);
    expect(recorded.cases.length).toBeGreaterThan(0);
    const collection = postmanCollection(recorded.cases, { ...recorded, seed: SEED });

    const matching = await replayOn(RECORDING_SETTLE_MS, collection);
    expect(matching.failures.map((f) => f.error.message)).toEqual([]);
    expect(matching.stats.assertions.total).toBeGreaterThanOrEqual(recorded.cases.length);

    const later = await replayOn(CLI_SETTLE_MS, collection);
    expect(later.stats.assertions.failed).toBeGreaterThan(0);
  });
});
