// The structural, precedence, idempotency and model properties hold against the faithful mock and are falsified
// against a mock that breaks what each one checks: an undocumented field on "Request parameters invalid"
// (structural), a precedence that flips between requests, a mock that ignores x-idempotency-key, and a freeze that
// leaves the card ACTIVE (the model, shrunk to the shortest failing sequence).

import { mersenne } from 'pure-rand/generator/mersenne';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { IDEMPOTENCY_PROPERTIES } from '../../fuzz/idempotency.ts';
import { LIFECYCLE_PROPERTY } from '../../fuzz/lifecycle/index.ts';
import { allPrecedenceProperties } from '../../fuzz/precedence.ts';
import { allStructuralProperties, structuralProperty } from '../../fuzz/structural.ts';
import { BUILT_IN_SETTLE_MS } from '../../mock/options.ts';
import { REMOVE, startRuleVariantMock } from '../../mock/rule-variants.ts';
import { startMock } from '../../mock/server.ts';
import { defectVariant } from '../../mock/variants.ts';
import { type FuzzHarness, fuzzHarness, unexpected } from '../__helpers__/fuzz-env.ts';

/** Generous: these tests start servers or processes, and share two cores with other test files. */
const SLOW_MS = 120_000;

const catalog = loadCatalog();
const KEYED = catalog.operations.filter((o) => o.idempotency_key).map((o) => o.name);

describe('against the faithful mock', { timeout: SLOW_MS }, () => {
  let harness: FuzzHarness;
  beforeAll(async () => {
    harness = await fuzzHarness(await startMock({ seed: 1, settleMs: BUILT_IN_SETTLE_MS }));
  }, SLOW_MS);
  afterAll(() => harness.close());

  it('structural fuzz on every operation, precedence, idempotency and the lifecycle model hold', async () => {
    const properties = [
      ...allStructuralProperties(),
      ...allPrecedenceProperties(),
      ...IDEMPOTENCY_PROPERTIES,
      LIFECYCLE_PROPERTY,
    ];
    const results = await harness.run(properties, 8);
    expect(unexpected(results, 'pass')).toBe('');
    expect(harness.fz.drift).toEqual([]);
    expect(harness.fz.observations.size).toBe(allPrecedenceProperties().length);
  });
});

describe('against a mock that breaks each property', { timeout: SLOW_MS }, () => {
  it('structural: an undocumented body is falsified and recorded as drift', async () => {
    const entry = catalog.entryById.get('general.b.request_parameters_invalid');
    if (!entry) throw new Error('catalog lacks general.b.request_parameters_invalid');
    const variant = defectVariant(entry, 'extra-field');
    const harness = await fuzzHarness(await startMock({ seed: 1, variant, settleMs: BUILT_IN_SETTLE_MS }));
    try {
      const [result] = await harness.run([structuralProperty('Create Cardholder')], 5);
      expect(result?.outcome, result?.reason ?? '').toBe('fail');
      expect(harness.fz.drift[0]).toMatchObject({ operation: 'Create Cardholder', status: 400 });
    } finally {
      await harness.close();
    }
  });

  it('precedence: a winner that changes between requests is falsified', async () => {
    // Seeded, so that a run replays: Math.random here left the winner unchanged over all 10 runs now and then.
    const coin = mersenne(1);
    const flipping = {
      name: 'channel judged on every other request only',
      rewrites: [
        {
          operation: 'Simulate Authorization',
          field: 'body:channel',
          rewrite: () => ((coin.next() & 1) === 0 ? 'VISA' : undefined),
        },
      ],
    };
    const harness = await fuzzHarness(await startRuleVariantMock(flipping, { seed: 1 }));
    try {
      const properties = allPrecedenceProperties().filter(
        (p) => p.entry === 'transaction.b.mcc_is_error + transaction.b.invalid_channel_code',
      );
      expect(properties.length).toBeGreaterThan(0);
      const results = await harness.run(properties, 10);
      expect(unexpected(results, 'fail')).toBe('');
    } finally {
      await harness.close();
    }
  });

  it('idempotency: a target that ignores x-idempotency-key falsifies every idempotency property', async () => {
    const ignoring = {
      name: 'x-idempotency-key ignored',
      rewrites: KEYED.map((operation) => ({ operation, field: 'header:x-idempotency-key', rewrite: () => REMOVE })),
    };
    const harness = await fuzzHarness(await startRuleVariantMock(ignoring, { seed: 1 }));
    try {
      const results = await harness.run(IDEMPOTENCY_PROPERTIES, 10);
      expect(unexpected(results, 'fail')).toBe('');
    } finally {
      await harness.close();
    }
  });

  it('model: a freeze that leaves the card ACTIVE is found and shrunk to at most three steps', async () => {
    const freezeIgnored = {
      name: 'freeze ignored',
      rewrites: [
        {
          operation: 'Update Card Status',
          field: 'body:card_status',
          rewrite: (v: unknown) => (v === 'FROZEN' ? 'ACTIVE' : undefined),
        },
      ],
    };
    const harness = await fuzzHarness(await startRuleVariantMock(freezeIgnored, { seed: 1 }));
    try {
      const [result] = await harness.run([LIFECYCLE_PROPERTY], 60, true);
      expect(result?.outcome, result?.reason ?? '').toBe('fail');
      const steps = result?.counterexample?.replace(/\/\*.*?\*\//gu, '').match(/[a-z]+\(|read (card|balance)/gu) ?? [];
      expect(result?.counterexample).toContain('status(FROZEN)');
      expect(steps.length, result?.counterexample ?? '').toBeLessThanOrEqual(3);
    } finally {
      await harness.close();
    }
  });
});
