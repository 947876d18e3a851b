import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The suite copes with a target that issues as slowly as the sandbox: a representative subset of scenarios — the
// ones whose arrange steps need an ACTIVE card, an activated physical card, or a cardholder whose third-party KYC
// has settled — passes against a mock at npm run mock's default --settle-ms. (The whole suite runs against the
// mock elsewhere; running it again at seconds per card would only make npm test slow.) The cases run concurrently
// so the waits overlap.

import { allScenarios } from '../../generators/index.ts';
import { CLI_SETTLE_MS } from '../../mock/options.ts';
import { explain, type MockEnvironment, mockEnvironment } from '../__helpers__/mock-env.ts';

const SUBSET: [operation: string, entry: string][] = [
  ['Card Recharge', 'card.b.recharge_amount_is_invalid'],
  ['Card Withdraw', 'card.b.withdraw_amount_is_invalid'],
  ['Update Card Status', 'card.b.update_reason_is_too_long'],
  ['Simulate Authorization', 'transaction.b.mcc_is_error'],
  ['Activate Card', 'card.b.invalid_activation_code'],
  ['Update Cardholder', 'cardholder.document_duplicated'],
];

const scenarios = SUBSET.map(([operation, entry]) => {
  const scenario = allScenarios.find((s) => s.operation === operation && s.entry === entry);
  if (!scenario) throw new Error(`no scenario ${operation} › ${entry}`);
  return scenario;
});

let harness: MockEnvironment;
beforeAll(async () => {
  harness = await mockEnvironment({ settleMs: CLI_SETTLE_MS });
  // One token before the cases start together: concurrent first calls would each mint one and supersede the others.
  await harness.env.client.tokenFor('default');
});
afterAll(() => harness.close());

describe.concurrent(`scenarios against a mock that settles in ${CLI_SETTLE_MS} ms`, () => {
  it.each(scenarios.map((s) => [`${s.operation} › ${s.entry}`, s] as const))('%s', async (_, scenario) => {
    const result = await harness.run(scenario);
    expect(result.outcome, explain(result)).toBe('pass');
  });
});
