import { describe, expect, it } from 'vitest';
import { ConfigError, loadRunConfig, pacingFor, remoteCredentials } from '../../harness/config.ts';

const load = (env: Record<string, string>) => loadRunConfig(env, () => 42);

describe('run configuration', () => {
  it('defaults to the built-in mock with a random seed and no budget', () => {
    expect(load({})).toEqual({
      target: { builtIn: true },
      seed: 42,
      seedFixed: false,
      timeoutMs: 30_000,
      requestBudget: null,
      maxPerSecond: null,
    });
  });

  it('reads a sandbox base URL, seed, timeout, budget and pacing', () => {
    const config = load({
      UQPAY_BASE_URL: 'https://api-sandbox.uqpaytech.com/api/',
      UQPAY_SEED: '7',
      UQPAY_TIMEOUT_MS: '5000',
      UQPAY_REQUEST_BUDGET: '900',
      UQPAY_MAX_RPS: '0',
    });
    expect(config).toMatchObject({
      target: { builtIn: false, baseUrl: 'https://api-sandbox.uqpaytech.com/api' },
      seed: 7,
      seedFixed: true,
      timeoutMs: 5000,
      requestBudget: 900,
      maxPerSecond: 0,
    });
  });

  it.each([
    [{ UQPAY_BASE_URL: 'not a url' }, 'UQPAY_BASE_URL is not a URL: "not a url"'],
    [{ UQPAY_BASE_URL: 'https://api-sandbox.uqpaytech.com' }, 'ending in /api'],
    [{ UQPAY_BASE_URL: 'https://api.uqpay.com/api' }, 'points at production (api.uqpay.com)'],
    [{ UQPAY_REQUEST_BUDGET: '0' }, 'UQPAY_REQUEST_BUDGET must be a whole number ≥ 1 (got "0")'],
    [{ UQPAY_MAX_RPS: 'fast' }, 'UQPAY_MAX_RPS must be a whole number ≥ 0 (got "fast")'],
    [{ UQPAY_TIMEOUT_MS: '10' }, 'UQPAY_TIMEOUT_MS must be a number of milliseconds ≥ 100 (got "10")'],
  ])('refuses %j with one precise message', (env, message) => {
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(message);
  });

  it('paces targets that are not mocks by default, and never a mock unless asked', () => {
    expect(pacingFor('mock', null)).toBeUndefined();
    expect(pacingFor('sandbox', null)).toBe(8);
    expect(pacingFor('sandbox', 0)).toBeUndefined();
    expect(pacingFor('mock', 3)).toBe(3);
  });

  it('names both missing credentials of a remote target', () => {
    expect(() => remoteCredentials({ UQPAY_CLIENT_ID: 'c' })).toThrow('so UQPAY_API_KEY must be set too');
    expect(() => remoteCredentials({})).toThrow('so UQPAY_CLIENT_ID and UQPAY_API_KEY must be set too');
  });
});
