import { describe, expect, it } from 'vitest';
import { FuzzUsageError, fuzzSettings, MOCK_RUNS, parseFuzzArgs, REMOTE_RUNS } from '../../cli/fuzz-args.ts';
import { ConfigError } from '../../harness/config.ts';

describe('npm run fuzz arguments and settings', () => {
  it('parses options and refuses unknown ones in one line', () => {
    expect(parseFuzzArgs(['--filter', 'rule ›', '--reports', 'out', '--quiet'])).toMatchObject({
      filter: 'rule ›',
      reportsDir: 'out',
      quiet: true,
      list: false,
    });
    expect(parseFuzzArgs(['-h'])).toBe('help');
    expect(() => parseFuzzArgs(['--bogus'])).toThrow(FuzzUsageError);
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
});
