import { describe, expect, it } from 'vitest';
import { ConfigError, loadRunConfig } from '../../harness/config.ts';
import { checkHost } from '../../harness/host-guard.ts';

const load = (env: Record<string, string>) => loadRunConfig(env, () => 42);

describe('the target host allowlist', () => {
  it.each([
    'https://api.uqpay.com/api',
    'https://api.uqpay.com./api',
    'https://api.uqpay.com%2e/api',
    'https://API.UQPAY.COM../api',
    'https://api%2euqpay%2ecom/api',
    'https://files.uqpay.com/api',
    'https://other.uqpay.com/api',
    'https://uqpay.com/api',
  ])('refuses production %s whatever the flags', (url) => {
    const env = { UQPAY_BASE_URL: url, UQPAY_ALLOW_HOSTS: 'api.uqpay.com,other.uqpay.com,uqpay.com,files.uqpay.com' };
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(/points at production \([a-z.]*uqpay\.com\)/u);
  });

  it.each(['https://example.com/api', 'http://10.0.0.5:4010/api', 'http://0.0.0.0:4010/api'])(
    'refuses %s, which is not named in UQPAY_ALLOW_HOSTS',
    (url) => {
      expect(() => load({ UQPAY_BASE_URL: url })).toThrow('name it in UQPAY_ALLOW_HOSTS');
    },
  );

  it.each([
    ['https://api-sandbox.uqpaytech.com/api', {}],
    ['https://API-SANDBOX.uqpaytech.com./api', {}],
    ['http://127.0.0.1:4010/api', {}],
    ['http://localhost:4010/api', {}],
    ['http://[::1]:4010/api', {}],
    ['https://staging.example.com/api', { UQPAY_ALLOW_HOSTS: 'other.test, STAGING.example.com.' }],
  ])('accepts %s', (url, extra) => {
    expect(load({ UQPAY_BASE_URL: url, ...extra }).target.builtIn).toBe(false);
  });

  it('normalises before judging', () => {
    expect(checkHost('Api-Sandbox.UqpayTech.com..', {})).toEqual({ ok: true, host: 'api-sandbox.uqpaytech.com' });
  });
});
