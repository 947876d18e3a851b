// The fuzz kill rate: each kill variant (fuzz/kill-variants.ts) switched on in a mock, its property run with
// generated cases only (no edge examples, no shrinking). A variant is killed when its own property is FALSIFIED; an
// error or a pass lets it survive. First every property runs against the faithful mock the same way: one that does
// not hold there proves nothing, and is reported as a broken baseline.
// A mock serves one variant at a time and then the next (as many mocks as variants judged at once): each property
// run makes its own cardholders, cards and keys, and the baseline shows every property holding on a mock that all of
// them ran on together, so what one variant's run leaves behind is state the properties already tolerate.

import { mapConcurrent } from '../harness/pool.ts';
import { createSession } from '../harness/session.ts';
import { BUILT_IN_SETTLE_MS, type MockOptions } from '../mock/options.ts';
import { type RuleVariant, type SwitchableVariantMock, startSwitchableVariantMock } from '../mock/rule-variants.ts';
import { type RunningMock, startMock } from '../mock/server.ts';
import { fuzzContext } from './context.ts';
import { allKillVariants, type KillVariant } from './kill-variants.ts';
import { type PropertyResult, runProperties } from './run.ts';
import type { FuzzProperty } from './types.ts';

export interface KillOutcome {
  variant: string;
  property: string;
  killed: boolean;
  /** The property's outcome against the variant. */
  outcome: PropertyResult['outcome'];
  runs: number;
  reason: string | null;
}

export interface KillRate {
  killed: number;
  total: number;
  seed: number;
  num_runs: number;
  variants: KillOutcome[];
  /** Properties that did not hold against the faithful mock (their variants cannot count as killed). */
  baseline_broken: { property: string; outcome: string; reason: string | null }[];
  duration_ms: number;
}

export interface KillOptions {
  seed: number;
  /** Most generated cases per property (each property's own cap still applies). */
  numRuns: number;
  /** Variants judged at once. */
  concurrency: number;
  /** Only variants whose name contains this text. */
  filter?: string;
  variants?: KillVariant[];
  onProgress?: (done: number, total: number) => void;
}

async function runOn(mock: RunningMock, properties: FuzzProperty[], options: KillOptions): Promise<PropertyResult[]> {
  const session = createSession({ baseUrl: mock.baseUrl, kind: 'mock', seed: options.seed });
  try {
    const fz = await fuzzContext(session);
    return await runProperties(properties, fz, {
      seed: options.seed,
      numRuns: options.numRuns,
      baseUrl: mock.baseUrl,
      concurrency: 4,
      shrink: false,
      examples: false,
    });
  } finally {
    await session.close();
  }
}

/** Mocks that take one variant at a time: a free one is reused, another started only when all are busy. */
function variantMocks(options: Partial<MockOptions>) {
  const all: SwitchableVariantMock[] = [];
  const free: SwitchableVariantMock[] = [];
  return {
    async with<T>(variant: RuleVariant, task: (mock: RunningMock) => Promise<T>): Promise<T> {
      let mock = free.pop();
      if (!mock) {
        mock = await startSwitchableVariantMock(null, options);
        all.push(mock);
      }
      mock.use(variant);
      try {
        return await task(mock);
      } finally {
        mock.use(null);
        free.push(mock);
      }
    },
    close: () => Promise.all(all.map((m) => m.close())),
  };
}

export async function fuzzKillRate(options: KillOptions): Promise<KillRate> {
  const started = performance.now();
  const variants = (options.variants ?? allKillVariants()).filter((v) => v.name.includes(options.filter ?? ''));
  const properties = [...new Map(variants.map((v) => [v.property.name, v.property])).values()];
  const mockOptions = { seed: options.seed, settleMs: BUILT_IN_SETTLE_MS };
  const faithful = await startMock(mockOptions);
  const baseline = await runOn(faithful, properties, options).finally(() => faithful.close());
  const broken = new Map(baseline.filter((r) => r.outcome !== 'pass').map((r) => [r.name, r]));
  const pool = variantMocks(mockOptions);
  let done = 0;
  const outcomes = await mapConcurrent(variants, options.concurrency, async (variant): Promise<KillOutcome> => {
    const [result] = await pool.with(variant.mock, (mock) => runOn(mock, [variant.property], options));
    options.onProgress?.(++done, variants.length);
    const outcome = result?.outcome ?? 'error';
    return {
      variant: variant.name,
      property: variant.property.name,
      killed: outcome === 'fail' && !broken.has(variant.property.name),
      outcome,
      runs: result?.runs ?? 0,
      reason: result?.reason ?? null,
    };
  }).finally(() => pool.close());
  return {
    killed: outcomes.filter((o) => o.killed).length,
    total: outcomes.length,
    seed: options.seed,
    num_runs: options.numRuns,
    variants: outcomes,
    baseline_broken: [...broken.values()].map((r) => ({ property: r.name, outcome: r.outcome, reason: r.reason })),
    duration_ms: Math.round(performance.now() - started),
  };
}
