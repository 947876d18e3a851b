import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_HELP, fuzzSettings, MOCK_RUNS, parseFuzzArgs, REMOTE_RUNS } from '../../cli/fuzz-args.ts';
import { runProperties } from '../../fuzz/run.ts';
import type { FuzzContext, FuzzProperty } from '../../fuzz/types.ts';
import { ConfigError } from '../../harness/config.ts';
import { UsageError } from '../../lib/cli.ts';

describe('npm run fuzz arguments and settings', () => {
  it('parses options and refuses unknown ones in one line', () => {
    expect(parseFuzzArgs(['--filter', 'rule ›', '--reports', 'out', '--quiet'])).toMatchObject({
      filter: 'rule ›',
      reportsDir: 'out',
      quiet: true,
      list: false,
    });
    expect(() => parseFuzzArgs(['-h'])).toThrow(FUZZ_HELP);
    expect(() => parseFuzzArgs(['--bogus'])).toThrow(UsageError);
    expect(() => parseFuzzArgs(['--filter', ' '])).toThrow('--filter needs a non-empty text');
  });

  it('sizes runs by target kind unless UQPAY_FUZZ_RUNS says otherwise', () => {
    expect(fuzzSettings({}, true)).toEqual({ runs: MOCK_RUNS, path: null });
    expect(fuzzSettings({}, false)).toEqual({ runs: REMOTE_RUNS, path: null });
    expect(fuzzSettings({ UQPAY_FUZZ_RUNS: '12', UQPAY_FUZZ_PATH: '3:0:1' }, false)).toEqual({
      runs: 12,
      path: '3:0:1',
    });
    expect(() => fuzzSettings({ UQPAY_FUZZ_RUNS: '0' }, true)).toThrow(ConfigError);
    expect(() => fuzzSettings({ UQPAY_FUZZ_PATH: 'x' }, true)).toThrow('UQPAY_FUZZ_PATH');
  });

  it('refuses a malformed UQPAY_FUZZ_PATH in one line naming the setting', () => {
    for (const path of ['abc', '1:x', ':1', '1::2', '1:', '-1', '1 2']) {
      expect(() => fuzzSettings({ UQPAY_FUZZ_PATH: path }, true)).toThrow(
        new ConfigError(`UQPAY_FUZZ_PATH must be a fast-check path like 12:0:3 (got "${path}")`),
      );
    }
  });

  it('a well-formed UQPAY_FUZZ_PATH that does not fit the property is configuration, not a property error', async () => {
    const property: FuzzProperty = {
      name: 'rule › List Cards › small',
      entry: null,
      operation: 'List Cards',
      kind: 'rule',
      build: () => fc.asyncProperty(fc.integer(), async (n) => n < 5),
    };
    const options = { seed: 1, numRuns: 3, baseUrl: 'http://127.0.0.1:9/api', concurrency: 1, path: '0:99999:5' };
    const error = await runProperties([property], {} as FuzzContext, options).catch((e: unknown) => e);
    expect(error).toEqual(
      new ConfigError('UQPAY_FUZZ_PATH 0:99999:5 does not fit property "rule › List Cards › small" at this seed'),
    );
  });
});
