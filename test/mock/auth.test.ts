import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { bearer, call, tokenFor } from '../__helpers__/raw-http.ts';
import { useMock } from '../__helpers__/use-mock.ts';

const catalog = loadCatalog();
const message = (id: string) => catalog.entryById.get(id)?.message;
const mock = useMock({ tokenTtlSeconds: 600 });

const listBalances = (headers: Record<string, string>) => call(mock, 'GET', '/v1/issuing/balances', { headers });

describe('the token flow', () => {
  it('mints a JWT whose claims the official SDKs decode, with expired_at in unix seconds', async () => {
    const credential = mock.fixtures.credentials.default;
    const answer = await call(mock, 'POST', '/v1/connect/token', {
      headers: { 'x-client-id': credential.client_id, 'x-api-key': credential.api_key },
    });
    expect(answer.status).toBe(200);
    const token = String(answer.json.auth_token);
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    expect(claims).toMatchObject({ entity_id: mock.fixtures.account_id, parent_entity_id: '0', bus_type: 'ISSUING' });
    expect(claims.client_id).toBe(credential.client_id);
    expect(answer.json.expired_at).toBe(claims.exp);
    expect(Number(answer.json.expired_at) - Date.now() / 1000).toBeGreaterThan(590);
  });

  it('refuses a wrong API key with unauthorized_error', async () => {
    const answer = await call(mock, 'POST', '/v1/connect/token', {
      headers: { 'x-client-id': mock.fixtures.credentials.default.client_id, 'x-api-key': 'wrong' },
    });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({
      type: 'unauthorized_error',
      code: 'unauthorized_error',
      message: message('general.unauthorized_error'),
    });
  });

  it('accepts the token with and without the Bearer prefix', async () => {
    const token = await tokenFor(mock);
    expect((await listBalances(bearer(token))).status).toBe(200);
    expect((await listBalances({ 'x-auth-token': token })).status).toBe(200);
  });

  it('answers Login expired for a token superseded by a newer one of the same client', async () => {
    const first = await tokenFor(mock, 'login-expiry');
    const second = await tokenFor(mock, 'login-expiry');
    const answer = await listBalances(bearer(first));
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ code: 400, message: message('general.b.login_expired') });
    expect((await listBalances(bearer(second))).status).toBe(200);
  });

  it('answers unauthorized_error once the token expires on the mock clock', async () => {
    const token = await tokenFor(mock, 'other-account');
    expect((await listBalances(bearer(token))).status).toBe(200);
    await call(mock, 'POST', '/__mock/clock', {
      body: JSON.stringify({ advance_seconds: 601 }),
      headers: { 'content-type': 'application/json' },
    });
    const answer = await listBalances(bearer(token));
    expect(answer.status).toBe(401);
    expect(answer.json.code).toBe('unauthorized_error');
  });

  it.each([
    ['no token', {}],
    ['a token that is not a JWT', { 'x-auth-token': 'Bearer abc' }],
    [
      'a JWT signed by someone else',
      { 'x-auth-token': 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.c2lnbmF0dXJl' },
    ],
  ])('refuses %s with unauthorized_error', async (_, headers) => {
    const answer = await listBalances(headers);
    expect(answer.status).toBe(401);
    expect(answer.json.type).toBe('unauthorized_error');
  });

  it.each([
    ['deactivated-account', 'general.account_not_found'],
    ['deleted-account', 'general.b.account_does_not_exist'],
    ['deactivated-user', 'general.user_not_found'],
  ] as const)('a key of %s answers %s', async (credential, entry) => {
    const answer = await listBalances(bearer(await tokenFor(mock, credential)));
    expect(answer.json.message).toBe(message(entry));
  });
});

describe('x-on-behalf-of', () => {
  it('acts as an active sub-account, and refuses unknown or deactivated ones', async () => {
    const token = await tokenFor(mock);
    const as = (id: string) => listBalances({ ...bearer(token), 'x-on-behalf-of': id });
    expect((await as(mock.fixtures.sub_accounts.active.id)).status).toBe(200);
    expect((await as(mock.fixtures.sub_accounts.deactivated.id)).json.code).toBe('sub_account_not_found');
    expect((await as('00000000-0000-4000-8000-000000000000')).json.code).toBe('sub_account_not_found');
    expect((await as('not-a-uuid')).json).toMatchObject({
      code: 'invalid_request_error',
      message: 'x-on-behalf-of: must be a UUID',
    });
  });
});
