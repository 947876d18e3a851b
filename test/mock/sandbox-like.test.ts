// npm run mock -- --sandbox-like sets what it claims: the per-account limit per minute, latency, the token endpoint's
// own limit, one active token per client, the sandbox's settle time, and no control surface. Limits are shrunk
// here (same windows) so that a few requests reach them.

import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMockArgs } from '../../mock/cli-args.ts';
import { fail } from '../../mock/errors.ts';
import { fixtureSettings, writeEnvFile } from '../../mock/fixture-env.ts';
import { SANDBOX_LIKE, SANDBOX_LIKE_SETTINGS } from '../../mock/sandbox-like.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';
import { bearer, call, tokenFor } from '../__helpers__/raw-http.ts';

let mock: RunningMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

describe('--sandbox-like arguments', () => {
  it('sets the figures its settings document', () => {
    const documented = SANDBOX_LIKE_SETTINGS.map((s) => s.value).join('\n');
    const { latency, globalRateLimit, rateLimitWindowMs, tokenRateLimit, settleMs } = SANDBOX_LIKE;
    expect(documented).toContain(`${latency?.minMs} ms on every API call`);
    expect(latency?.maxMs).toBe(latency?.minMs);
    expect(documented).toContain(
      `${globalRateLimit} requests per account in any ${Number(rateLimitWindowMs) / 1000} s`,
    );
    expect(documented).toContain(
      `${tokenRateLimit?.limit} mints per client id in any ${Number(tokenRateLimit?.windowMs) / 1000} s`,
    );
    expect(documented).toContain(`PENDING for ${settleMs?.toLocaleString('en-US')} ms`);
    expect(SANDBOX_LIKE.controlSurface).toBe(false);
  });

  it('sets them, and explicit options override them', () => {
    expect(parseMockArgs(['--sandbox-like'], {})).toMatchObject(SANDBOX_LIKE);
    expect(parseMockArgs(['--sandbox-like', '--settle-ms', '0', '--rate-limit', '9/s'], {})).toMatchObject({
      settleMs: 0,
      globalRateLimit: 9,
      rateLimitWindowMs: 1000,
      controlSurface: false,
    });
    expect(parseMockArgs(['--rate-limit', '500/min'], {})).toMatchObject({
      globalRateLimit: 500,
      rateLimitWindowMs: 60_000,
    });
    expect(() => parseMockArgs(['--rate-limit', '5/h'], {})).toThrow('invalid --rate-limit: 5/h');
  });
});

describe('a --sandbox-like mock', () => {
  it('limits each account per minute, delays answers, and hides the control surface', async () => {
    mock = await startMock({ ...SANDBOX_LIKE, globalRateLimit: 2 });
    const token = await tokenFor(mock);
    const send = () => call(mock as RunningMock, 'GET', '/v1/issuing/cards', { headers: bearer(token) });
    const started = performance.now();
    expect((await send()).status).toBe(200);
    // A lower bound only: the answer cannot come before the configured latency (the timer may fire 1 ms early).
    expect(performance.now() - started).toBeGreaterThanOrEqual(149);
    expect((await send()).status).toBe(200);
    const limited = await send();
    expect(limited).toMatchObject({ status: 429, json: { code: 429, message: 'Request is too frequent' } });
    // The window is a minute, not a second: the oldest counted request leaves it only about 60 s later.
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(50);
    expect((await call(mock, 'GET', '/__mock/health')).status).toBe(404);
  });

  it('keeps one active token per client, and limits mints per client', async () => {
    mock = await startMock({ ...SANDBOX_LIKE, tokenRateLimit: { limit: 2, windowMs: 60_000 } });
    const first = await tokenFor(mock);
    const second = await tokenFor(mock);
    const list = (token: string) => call(mock as RunningMock, 'GET', '/v1/issuing/cards', { headers: bearer(token) });
    expect((await list(second)).status).toBe(200);
    const superseded = await list(first);
    expect(superseded.status).toBe(mock.services.responder.answer(fail('general.b.login_expired')).status);
    expect(superseded.json).toEqual(mock.services.responder.answer(fail('general.b.login_expired')).body);
    const third = await call(mock, 'POST', '/v1/connect/token', {
      headers: { 'x-client-id': 'mock-client-id', 'x-api-key': 'mock-api-key' },
    });
    expect(third.status).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(50);
  });

  it('writes every fixture a sandbox-style run reads', async () => {
    mock = await startMock({ ...SANDBOX_LIKE, latency: null });
    const settings = fixtureSettings(mock.baseUrl, mock.fixtures, 'expired');
    expect(settings).toMatchObject({ UQPAY_BASE_URL: mock.baseUrl, UQPAY_CLIENT_ID: 'mock-client-id' });
    expect(settings.UQPAY_FIXTURE_SUB_ACCOUNT_SUSPENDED_TRANSACTION).toBe(
      mock.fixtures.sub_accounts.suspended.transaction_id,
    );
    expect(settings.UQPAY_FIXTURE_POOL_CARDS?.split(',')).toHaveLength(mock.fixtures.pool.length);
    const file = join(tmpdir(), `sandbox-like-${process.pid}.env`);
    try {
      writeEnvFile(file, settings);
      expect(readFileSync(file, 'utf8')).toContain(
        `UQPAY_FIXTURE_PRODUCT_SGD_ONLY=${mock.fixtures.products['sgd-only']}`,
      );
    } finally {
      rmSync(file, { force: true });
    }
  });
});
