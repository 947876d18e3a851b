// Byte-exact replay: every value a fuzz case sends derives from the property's seed and the case's place in the run,
// so the same UQPAY_SEED sends the same request bytes whatever ran before it, and UQPAY_FUZZ_PATH replays the very
// counterexample. Requests are compared as sent (method, path and query, headers but the token, body), arrange
// steps included; the property mixes fresh values (unique phone numbers) with the generators' seeded data.

import { describe, expect, it } from 'vitest';
import { fuzzContext } from '../../fuzz/context.ts';
import { ruleKillVariants } from '../../fuzz/kill-variants.ts';
import { RULES, ruleProperties } from '../../fuzz/rules/index.ts';
import { type PropertyResult, runProperties } from '../../fuzz/run.ts';
import type { FuzzProperty } from '../../fuzz/types.ts';
import { createSession } from '../../harness/session.ts';
import { startRuleVariantMock } from '../../mock/rule-variants.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';

const SLOW_MS = 120_000;
const SEED = 4242;

const rule = RULES.find((r) => r.subject === 'non-SG phone_number length');
if (!rule) throw new Error('the rule table lost the non-SG phone rule');
const [outside, twin] = ruleProperties(rule) as [FuzzProperty, FuzzProperty];
const other = ruleProperties(RULES.find((r) => r.subject === 'kyc_proof.reference_id length') as never)[1];

/** Runs properties one after another against a fresh mock; returns each request as sent, and the results. */
async function record(
  mock: RunningMock,
  properties: FuzzProperty[],
  options: { path?: string; shrink?: boolean; seed?: number } = {},
): Promise<{ sent: string[]; results: PropertyResult[] }> {
  const seed = options.seed ?? SEED;
  const session = createSession({ baseUrl: mock.baseUrl, kind: 'mock', seed });
  const sent: string[] = [];
  const send = session.env.client.send.bind(session.env.client);
  session.env.client.send = async (spec) => {
    const observed = await send(spec);
    const { 'x-auth-token': _token, ...headers } = observed.request.headers;
    sent.push(
      `${observed.request.method} ${observed.request.path}\n${JSON.stringify(headers)}\n${observed.request.body}`,
    );
    return observed;
  };
  try {
    const fz = await fuzzContext(session);
    const results = (
      await runProperties(properties, fz, {
        seed,
        numRuns: 8,
        baseUrl: mock.baseUrl,
        concurrency: 1,
        shrink: options.shrink ?? false,
        ...(options.path ? { path: options.path } : {}),
      })
    ).map((r) => ({ ...r, curl: r.curl?.replace(mock.baseUrl, '<target>') ?? null }));
    return { sent, results };
  } finally {
    await session.close();
    await mock.close();
  }
}

describe('byte-exact replay', { timeout: SLOW_MS }, () => {
  it('the same seed sends the same bytes, whatever property ran before', async () => {
    const alone = await record(await startMock({ seed: 1 }), [twin]);
    const again = await record(await startMock({ seed: 1 }), [twin]);
    const after = await record(await startMock({ seed: 1 }), [other as FuzzProperty, twin]);
    expect(alone.sent.length).toBeGreaterThanOrEqual(8);
    expect(again.sent).toEqual(alone.sent);
    expect(after.sent.slice(-alone.sent.length)).toEqual(alone.sent);
  });

  it('UQPAY_FUZZ_PATH replays the shrunk counterexample byte for byte', async () => {
    const variant = ruleKillVariants([rule]).find((v) => v.property.name === twin.name);
    if (!variant) throw new Error('no narrowed variant for the twin');
    const run = async (options: { path?: string; shrink?: boolean }) =>
      record(await startRuleVariantMock(variant.mock, { seed: 1 }), [twin], options);
    const found = await run({ shrink: true });
    const [failed] = found.results;
    expect(failed?.outcome).toBe('fail');
    const path = failed?.path ?? '';
    const replayed = await run({ path });
    const twice = await run({ path });
    expect(replayed.results[0]?.outcome).toBe('fail');
    expect(replayed.results[0]?.curl).toBe(failed?.curl);
    expect(replayed.results[0]?.counterexample).toBe(failed?.counterexample);
    expect(twice.sent).toEqual(replayed.sent);
  });

  it('another seed sends other values', async () => {
    const a = await record(await startMock({ seed: 1 }), [outside]);
    const b = await record(await startMock({ seed: 1 }), [outside], { seed: SEED + 1 });
    expect(b.sent).not.toEqual(a.sent);
  });
});
