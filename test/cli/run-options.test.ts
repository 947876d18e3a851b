// The checks npm run conformance makes before any request, called directly (the CLI wiring is proven by
// test/cli/release-gate.test.ts): each problem is a ConfigError, which the CLI prints as one line with exit 2.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { type ConformanceArgs, parseConformanceArgs } from '../../cli/conformance-args.ts';
import { mockCommandSeed, planRun } from '../../cli/run-options.ts';
import { ConfigError } from '../../harness/config.ts';
import { bailGuard } from '../../suites/bail.ts';
import { checkExpectedTarget } from '../../suites/target-guards.ts';

const catalog = loadCatalog();
const args = (...argv: string[]) => parseConformanceArgs(argv) as ConformanceArgs;

describe('planRun', () => {
  it.each([
    [['--baseline', '/missing/results.json'], 'cannot read the baseline /missing/results.json'],
    [['--baseline', 'package.json'], 'the baseline package.json is not a results.json written by npm run conformance'],
    [['--deviations', '/missing/d.json'], 'cannot read the deviations file /missing/d.json'],
    [['--shard', '0/3'], '--shard must be <i>/<n> with 1 ≤ i ≤ n (got "0/3")'],
    [['--only', 'Retrieve Cards'], '--only "Retrieve Cards" names no section, operation or entry id'],
    [['--history', 'package.json'], 'the history file package.json, line 1, is not a run line'],
  ])('%j', async (argv, message) => {
    await expect(planRun(args(...argv), catalog)).rejects.toThrow(ConfigError);
    await expect(planRun(args(...argv), catalog)).rejects.toThrow(message);
  });

  it('a shard beyond the cases of a selection holds no case', async () => {
    await expect(planRun(args('--only', 'card.card_not_found', '--shard', '999/999'), catalog)).rejects.toThrow(
      'holds no case',
    );
  });
});

describe('--expect-target', () => {
  it('refuses a target of another kind, and accepts any with any', () => {
    expect(() => checkExpectedTarget('sandbox', { builtIn: true })).toThrow(
      '--expect-target sandbox, but UQPAY_BASE_URL is empty, so the target would be the built-in mock',
    );
    expect(() => checkExpectedTarget('sandbox', { kind: 'mock', baseUrl: 'http://127.0.0.1:4010/api' })).toThrow(
      '--expect-target sandbox, but the target at 127.0.0.1:4010 is a mock',
    );
    expect(() => checkExpectedTarget('mock', { kind: 'other', baseUrl: 'https://x.test/api' })).toThrow(
      'is neither a mock nor the sandbox',
    );
    expect(() => checkExpectedTarget('mock', { builtIn: true })).not.toThrow();
    expect(() => checkExpectedTarget('any', { builtIn: true })).not.toThrow();
  });

  it('and the arguments themselves are checked', () => {
    expect(() => args('--expect-target', 'prod')).toThrow('--expect-target must be sandbox, mock or any (got "prod")');
    expect(() => args('--bail', '0')).toThrow('--bail needs a whole number ≥ 1 (got "0")');
  });
});

describe('--bail', () => {
  it('stops after exactly n cases failed or errored; skips do not count', () => {
    const bail = bailGuard(2);
    bail.record('fail');
    bail.record('skip');
    bail.record('pass');
    expect(bail.stopReason).toBeNull();
    bail.record('error');
    expect(bail.stopReason).toBe('--bail 2: 2 cases failed or errored');
    expect(bailGuard(null).stopReason).toBeNull();
  });
});

describe('--expect-target sandbox with a URL that cannot be the sandbox', () => {
  it('is refused before any credential is sent', () => {
    expect(() => checkExpectedTarget('sandbox', { builtIn: false, baseUrl: 'http://127.0.0.1:4010/api' })).toThrow(
      '--expect-target sandbox, but UQPAY_BASE_URL names 127.0.0.1:4010, which is not the sandbox',
    );
    expect(() =>
      checkExpectedTarget('sandbox', { builtIn: false, baseUrl: 'https://api-sandbox.uqpaytech.com/api' }),
    ).not.toThrow();
  });
});

describe('--retries-on-error', () => {
  it('defaults to 2, takes 0 to 9, and refuses anything else in one line', () => {
    expect(args().retriesOnError).toBe(2);
    expect(args('--retries-on-error', '0').retriesOnError).toBe(0);
    expect(args('--retries-on-error', '5').retriesOnError).toBe(5);
    for (const bad of ['10', 'two', ''])
      expect(() => parseConformanceArgs(['--retries-on-error', bad])).toThrow(/--retries-on-error needs/u);
  });
});

describe('the seed of npm run selfcheck and npm run export without --seed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seed-'));
  const envFile = join(dir, 'settings.env');
  writeFileSync(envFile, 'UQPAY_SEED=4242\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('comes from the --env file, and the environment wins over it, as for npm run conformance', () => {
    expect(mockCommandSeed(envFile, {})).toBe(4242);
    expect(mockCommandSeed(envFile, { UQPAY_SEED: '7' })).toBe(7);
  });

  it('is 1 when neither sets it; a named --env file that is missing or a bad seed is a ConfigError', () => {
    expect(mockCommandSeed('/dev/null', {})).toBe(1);
    expect(() => mockCommandSeed('/missing/.env', {})).toThrow('cannot read the --env file /missing/.env (ENOENT)');
    expect(() => mockCommandSeed('/dev/null', { UQPAY_SEED: 'x' })).toThrow('UQPAY_SEED must be a whole number');
  });
});
