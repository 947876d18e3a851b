// A fuzz property's verdict is its first failing case's: a contract failure stays a failure even where shrinking
// meets environment trouble (the shrunk case is the evidence, and fails the same way); a property that needs a
// fixture the target's settings do not name is skipped, naming the setting.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzContext } from '../../fuzz/context.ts';
import { LIFECYCLE_PROPERTY } from '../../fuzz/lifecycle/index.ts';
import { runProperties } from '../../fuzz/run.ts';
import { CaseEnvironmentError, CaseFailure, type FuzzContext, type FuzzProperty } from '../../fuzz/types.ts';
import { createSession } from '../../harness/session.ts';
import { startMock } from '../../mock/server.ts';

const synthetic = (check: (n: number) => void): FuzzProperty => ({
  name: 'synthetic',
  entry: null,
  operation: '*',
  kind: 'rule',
  build: () => fc.asyncProperty(fc.integer({ min: 0, max: 1000 }), async (n) => check(n)),
});

const run = (property: FuzzProperty) =>
  runProperties([property], {} as FuzzContext, {
    seed: 3,
    numRuns: 200,
    baseUrl: 'http://127.0.0.1:1',
    concurrency: 1,
  });

describe('verdicts', () => {
  it('a contract failure that shrinks towards environment errors stays a failure, shrunk among failures', async () => {
    const [result] = await run(
      synthetic((n) => {
        if (n >= 100) throw new CaseFailure(`contract broken at ${n}`, null);
        if (n >= 10) throw new CaseEnvironmentError(`gateway trouble at ${n}`);
      }),
    );
    expect(result?.outcome).toBe('fail');
    expect(result?.counterexample).toBe('[100]');
    expect(result?.reason).toBe('contract broken at 100');
  });

  it('an environment error first stays an error', async () => {
    const [result] = await run(
      synthetic((n) => {
        if (n >= 10) throw new CaseEnvironmentError(`gateway trouble at ${n}`);
      }),
    );
    expect(result?.outcome).toBe('error');
    expect(result?.counterexample).toBe('[10]');
  });

  it('the lifecycle model on a target without UQPAY_FIXTURE_SUB_ACCOUNT_ACTIVE is skipped, naming it', async () => {
    const mock = await startMock({ seed: 5 });
    const credentials = mock.fixtures.credentials.default;
    const session = createSession({
      baseUrl: mock.baseUrl,
      kind: 'other',
      seed: 5,
      env: { UQPAY_CLIENT_ID: credentials.client_id, UQPAY_API_KEY: credentials.api_key },
    });
    try {
      const fz = await fuzzContext(session);
      const [result] = await runProperties([LIFECYCLE_PROPERTY], fz, {
        seed: 5,
        numRuns: 3,
        baseUrl: mock.baseUrl,
        concurrency: 1,
      });
      expect(result?.outcome).toBe('skip');
      expect(result?.reason).toContain('UQPAY_FIXTURE_SUB_ACCOUNT_ACTIVE');
    } finally {
      await session.close();
      await mock.close();
    }
  });
});
