import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, call, tokenFor } from '../__helpers__/raw-http.ts';
import { useMock } from '../__helpers__/use-mock.ts';

const mock = useMock({ bodyLimitBytes: 1024 });
let token: string;
beforeAll(async () => {
  token = await tokenFor(mock);
});

describe('routing answers outside the catalog', () => {
  it('answers an unknown path with a JSON 404', async () => {
    const answer = await call(mock, 'GET', '/v1/issuing/nothing');
    expect(answer).toMatchObject({
      status: 404,
      json: { code: 404, message: 'No such endpoint: GET /api/v1/issuing/nothing' },
    });
  });

  it('answers a known path with another method with a JSON 405 and Allow', async () => {
    const answer = await call(mock, 'DELETE', '/v1/issuing/cards');
    expect(answer.status).toBe(405);
    expect(answer.json.code).toBe(405);
    expect(answer.headers.allow).toBe('GET, POST');
  });

  it('refuses an oversized body with a JSON 413', async () => {
    const answer = await call(mock, 'POST', '/v1/issuing/cardholders', {
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x'.repeat(2048) }),
    });
    expect(answer).toMatchObject({ status: 413, json: { code: 413 } });
  });

  it('checks authentication before the body: a bad token with malformed JSON is unauthorized', async () => {
    const answer = await call(mock, 'POST', '/v1/issuing/cardholders', {
      headers: { 'content-type': 'application/json' },
      body: '{"broken":',
    });
    expect(answer.json.code).toBe('unauthorized_error');
  });

  it('reads an empty POST body as {} whatever its content type', async () => {
    const holder = mock.fixtures.sub_accounts.active;
    const answer = await call(mock, 'POST', `/v1/issuing/cards/${holder.card_id}/token`, {
      headers: { ...bearer(token), 'x-on-behalf-of': holder.id },
    });
    expect(answer.status).toBe(200);
  });
});

describe('the control surface', () => {
  it('lists its routes, fixtures and health under /__mock only', async () => {
    expect(Object.keys((await call(mock, 'GET', '/__mock')).json)).toContain('GET /__mock/fixtures');
    const fixtures = (await call(mock, 'GET', '/__mock/fixtures')).json;
    expect(fixtures).toMatchObject({ seed: 1, account_id: mock.fixtures.account_id });
    expect((await call(mock, 'GET', '/__mock/health')).json).toMatchObject({ status: 'ok', seed: 1 });
    expect((await call(mock, 'GET', '/__fixtures')).status).toBe(404);
  });

  it('refuses a bad fault with one precise message', async () => {
    const arm = (spec: object) =>
      call(mock, 'POST', '/__mock/faults', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(spec),
      });
    expect((await arm({ kind: 'error', entry: 'card.card_not_found' })).json.message).toMatch(/^entry must be one of/u);
    expect((await arm({ kind: 'error', entry: 'card.b.convert_data_error', operation: 'list_cards' })).json).toEqual({
      code: 400,
      message: 'card.b.convert_data_error is documented only on create_card, update_card',
    });
    expect((await arm({ kind: 'latency', latency_ms: -1 })).status).toBe(400);
    expect((await arm({ kind: 'nap' })).status).toBe(400);
  });

  it('counts the requests it served', async () => {
    const before = (await call(mock, 'GET', '/__mock/stats')).json.requests as number;
    await call(mock, 'GET', '/v1/issuing/nothing');
    expect((await call(mock, 'GET', '/__mock/stats')).json.requests).toBe(before + 2);
  });
});
