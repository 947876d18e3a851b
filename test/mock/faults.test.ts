import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCOPE_HEADER } from '../../contract/faults.ts';
import { HoldBoard } from '../../mock/http/holds.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';
import { bearer, call, tokenFor } from '../__helpers__/raw-http.ts';

let mock: RunningMock | undefined;
const running = () => mock as RunningMock;
const listCards = async () =>
  call(running(), 'GET', '/v1/issuing/cards', { headers: bearer(await tokenFor(running())) });
const arm = (spec: object) =>
  call(running(), 'POST', '/__mock/faults', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(spec),
  });

afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

describe('armed faults', () => {
  beforeEach(async () => {
    mock = await startMock();
  });

  it('answers an armed internal error once, then serves normally', async () => {
    await arm({ kind: 'error', entry: 'general.api_error', operation: 'list_cards', count: 1 });
    const failed = await listCards();
    expect(failed.status).toBe(500);
    expect(failed.json).toMatchObject({ type: 'api_error', code: 'api_error' });
    expect((await listCards()).status).toBe(200);
  });

  it('answers the armed account-wide rate limit with 429 and Retry-After', async () => {
    await arm({ kind: 'error', entry: 'general.b.request_is_too_frequent', count: 1 });
    const limited = await listCards();
    expect(limited).toMatchObject({ status: 429, json: { code: 429, message: 'Request is too frequent' } });
    expect(limited.headers['retry-after']).toBe('1');
  });

  it('drops the connection for an armed reset', async () => {
    await arm({ kind: 'reset', operation: 'list_cards', count: 1 });
    const token = await tokenFor(running());
    await expect(request(`${running().baseUrl}/v1/issuing/cards`, { headers: bearer(token) })).rejects.toThrow();
    expect((await listCards()).status).toBe(200);
  });

  it('delays an answer by the armed latency', async () => {
    await arm({ kind: 'latency', operation: 'list_cards', latency_ms: 300, count: 1 });
    const started = performance.now();
    expect((await listCards()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe("scoped faults (concurrent scenarios never see each other's faults)", () => {
  beforeEach(async () => {
    mock = await startMock();
  });
  const listScoped = async (scope?: string) =>
    call(running(), 'GET', '/v1/issuing/cards', {
      headers: { ...bearer(await tokenFor(running())), ...(scope ? { [SCOPE_HEADER]: scope } : {}) },
    });
  const control = (path: string, body: object) =>
    call(running(), 'POST', `/__mock${path}`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('fire only for their own scope, and clearing one scope leaves the others armed', async () => {
    await arm({ kind: 'error', entry: 'general.api_error', operation: 'list_cards', scope: 'a' });
    await arm({ kind: 'error', entry: 'general.api_error', operation: 'list_cards', scope: 'b' });
    expect((await listScoped()).status).toBe(200);
    expect((await listScoped('c')).status).toBe(200);
    expect((await listScoped('a')).status).toBe(500);
    await call(running(), 'DELETE', '/__mock/faults?scope=a');
    expect((await listScoped('a')).status).toBe(200);
    expect((await listScoped('b')).status).toBe(500);
  });

  it('a hold needs a scope', async () => {
    expect((await arm({ kind: 'hold', operation: 'list_cards' })).status).toBe(400);
  });

  it('a hold parks the scoped request until released, while other requests go on', async () => {
    await arm({ kind: 'hold', operation: 'list_cards', count: 1, scope: 'h' });
    let answered = false;
    const held = listScoped('h').then((r) => {
      answered = true;
      return r;
    });
    expect((await control('/holds/wait', { scope: 'h' })).json).toEqual({ held: true });
    expect((await listScoped('other')).status).toBe(200);
    expect(answered).toBe(false);
    expect((await control('/holds/release', { scope: 'h' })).json).toEqual({ released: 1 });
    expect((await held).status).toBe(200);
  });

  it('a wait for a hold ends (held: false) when its scope is released first, and other scopes keep waiting', async () => {
    // The harness releases when the request it waited for was answered without being held (harness/in-flight.ts).
    // Fake timers: the 5 s wait limit cannot end a wait here, only the release or the park can.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const board = new HoldBoard();
      const waiting = board.waitParked('gave-up');
      const other = board.waitParked('other');
      expect(board.release('gave-up')).toBe(0);
      expect(await waiting).toBe(false);
      const parked = board.park('other');
      expect(await other).toBe(true);
      board.releaseAll();
      await parked;
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('start options', () => {
  it('--fault-rate 1 answers every API request with api_error', async () => {
    mock = await startMock({ faultRate: 1 });
    expect((await listCards()).status).toBe(500);
  });

  it('--rate-limit limits each account per second with 429 and Retry-After', async () => {
    mock = await startMock({ globalRateLimit: 2 });
    const token = await tokenFor(running());
    const send = () => call(running(), 'GET', '/v1/issuing/cards', { headers: bearer(token) });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});
