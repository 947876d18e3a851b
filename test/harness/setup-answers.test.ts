import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OperationId, OperationName } from '../../catalog/ids.ts';
import type { FaultSpec } from '../../contract/faults.ts';
import { allScenarios } from '../../generators/index.ts';
import { explain, type MockEnvironment, mockEnvironment } from '../__helpers__/mock-env.ts';
import { recordingPause } from '../__helpers__/recording-pause.ts';

// Setup steps whose answers used to be ignored, and the concurrent copy whose rejection escaped as an unhandled
// rejection (a phantom "(run)" case in the reports).
const scenario = (operation: string, entry: string) => {
  const found = allScenarios.find((s) => s.operation === operation && s.entry === entry);
  if (!found) throw new Error(`no scenario ${operation} › ${entry}`);
  return found;
};
const opId = (harness: MockEnvironment, name: OperationName) => harness.env.client.operation(name).id as OperationId;

describe('setup answers are checked, and no promise escapes', () => {
  let harness: MockEnvironment;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  // The retries' backoffs are asked of this pause, which records them and waits for nothing.
  const pauses = recordingPause();
  beforeAll(async () => {
    harness = await mockEnvironment({}, { retryPause: pauses.pause });
    process.on('unhandledRejection', onUnhandled);
  });
  beforeEach(() => {
    pauses.asked.length = 0;
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await harness.close();
  });
  const arm = (spec: FaultSpec) => harness.mock.services.faults.arm(spec);

  it('a 5xx on the key-binding request of key_mismatch_account is retried, not judged as a contract failure', async () => {
    arm({ kind: 'error', entry: 'general.api_error', operation: opId(harness, 'Card Withdraw'), count: 1 });
    const result = await harness.run(scenario('Card Withdraw', 'general.key_mismatch_account'));
    expect(result.outcome, explain(result)).toBe('pass');
    // The mock's 500 carries Retry-After: 1, which the retry honours.
    expect(pauses.asked).toEqual([1000]);
  });

  it('a key-binding request that keeps failing is an environment error', async () => {
    arm({ kind: 'error', entry: 'general.api_error', operation: opId(harness, 'Card Withdraw'), count: 4 });
    const result = await harness.run(scenario('Card Withdraw', 'general.key_mismatch_account'));
    expect(result.outcome, explain(result)).toBe('error');
    expect(result.reason).toContain('setup step Card Withdraw answered 500');
    expect(pauses.asked).toEqual([1000, 1000, 1000]);
  });

  it('a concurrent copy that meets one 5xx is provoked afresh, and the case is judged', async () => {
    arm({ kind: 'error', entry: 'general.api_error', operation: opId(harness, 'Create Cardholder'), count: 1 });
    const result = await harness.run(scenario('Create Cardholder', 'general.request_being_processed'));
    expect(result.outcome, explain(result)).toBe('pass');
    // Provoked afresh at once: a new key and a new hold, nothing to wait for.
    expect(pauses.asked).toEqual([]);
  });

  it('a concurrent copy that keeps answering 5xx makes request_being_processed an error, not a failure', async () => {
    arm({ kind: 'error', entry: 'general.api_error', operation: opId(harness, 'Create Cardholder'), count: 10 });
    const result = await harness.run(scenario('Create Cardholder', 'general.request_being_processed'));
    expect(result.outcome, explain(result)).toBe('error');
    expect(result.reason).toContain('the concurrent copy of Create Cardholder answered 500');
    expect(pauses.asked).toEqual([]);
  });

  it('a concurrent copy whose connection resets during the wait is one error, with no unhandled rejection', async () => {
    // More resets than the client and the re-provocations retry: the copy fails for good.
    arm({ kind: 'reset', operation: opId(harness, 'Create Cardholder'), count: 30 });
    const result = await harness.run(scenario('Create Cardholder', 'general.request_being_processed'));
    expect(result.outcome, explain(result)).toBe('error');
    // Three provocations, each copy resent twice by the client after a reset (0.1 s, then 0.2 s).
    expect(pauses.asked).toEqual([100, 200, 100, 200, 100, 200]);
    // Let any escaped rejection surface before counting.
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  });
});
