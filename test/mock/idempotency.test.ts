import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, call, tokenFor } from '../__helpers__/raw-http.ts';
import { useMock } from '../__helpers__/use-mock.ts';

const mock = useMock();
let token: string;
beforeAll(async () => {
  token = await tokenFor(mock);
});

const json = { 'content-type': 'application/json' };
const createCardholder = (key: string | undefined, body: object, auth = token) =>
  call(mock, 'POST', '/v1/issuing/cardholders', {
    headers: { ...bearer(auth), ...json, ...(key === undefined ? {} : { 'x-idempotency-key': key }) },
    body: JSON.stringify(body),
  });
const holder = (n: number) => ({
  email: `idem.${n}.${randomUUID()}@example.com`,
  first_name: 'Ada',
  last_name: 'Lovelace',
  country_code: 'SG',
  phone_number: `9${String(n).padStart(7, '0')}`,
});
const control = (path: string, body: object) =>
  call(mock, 'POST', `/__mock${path}`, { headers: json, body: JSON.stringify(body) });

describe('x-idempotency-key', () => {
  it('replays the first answer for the same key, without running the request again', async () => {
    const key = randomUUID();
    const first = await createCardholder(key, holder(1));
    const again = await createCardholder(key, holder(1));
    expect(first.status).toBe(200);
    expect(again).toMatchObject({ status: 200, json: first.json });
    const list = await call(mock, 'GET', '/v1/issuing/cardholders?page_size=100', { headers: bearer(token) });
    const emails = (list.json.data as { email: string }[]).map((c) => c.email);
    expect(emails.filter((e) => e.startsWith('idem.1.'))).toHaveLength(1);
  });

  it('replays a stored error too, even when the retry would now succeed', async () => {
    const key = randomUUID();
    const refused = await createCardholder(key, { ...holder(2), first_name: 'Ada1' });
    expect(refused.json.code).toBe('invalid_first_name');
    expect((await createCardholder(key, holder(2))).json).toEqual(refused.json);
  });

  it('forgets a key after 24 hours', async () => {
    const key = randomUUID();
    const refused = await createCardholder(key, { ...holder(3), first_name: 'Ada1' });
    await control('/clock', { advance_seconds: 24 * 3600 + 1 });
    const fresh = await tokenFor(mock);
    expect(refused.status).toBe(400);
    expect((await createCardholder(key, holder(3), fresh)).status).toBe(200);
    token = fresh;
  });

  it.each([
    ['empty', '', 40],
    ['256 characters', 'k'.repeat(256), 50],
  ])('refuses a key that is %s with invalid_key_format; 255 characters are fine', async (_, key, n) => {
    expect((await createCardholder(key, holder(n))).json.code).toBe('invalid_key_format');
    expect((await createCardholder(`${'k'.repeat(219)}${randomUUID()}`, holder(n + 1))).status).toBe(200);
  });

  it('refuses a key first used on another endpoint (key_mismatch_api) or by another account (key_mismatch_account)', async () => {
    const key = randomUUID();
    await call(mock, 'POST', '/v1/issuing/balances', {
      headers: { ...bearer(token), ...json, 'x-idempotency-key': key },
      body: '{"currency":"SGD"}',
    });
    expect((await createCardholder(key, holder(6))).json.code).toBe('key_mismatch_api');
    const other = await tokenFor(mock, 'other-account');
    expect((await createCardholder(key, holder(7), other)).json.code).toBe('key_mismatch_account');
  });

  it('refuses a duplicate while the first is still in flight, then replays the first answer', async () => {
    await control('/faults', { kind: 'latency', operation: 'create_cardholder', latency_ms: 500, count: 1 });
    const key = randomUUID();
    const first = createCardholder(key, holder(8));
    await sleep(100);
    const duplicate = await createCardholder(key, holder(8));
    expect(duplicate.json.code).toBe('request_being_processed');
    const done = await first;
    expect(done.status).toBe(200);
    expect((await createCardholder(key, holder(8))).json).toEqual(done.json);
  });

  it('does not store a 5xx: a retry with the same key runs again', async () => {
    await control('/faults', { kind: 'error', entry: 'general.api_error', operation: 'create_cardholder', count: 1 });
    const key = randomUUID();
    expect((await createCardholder(key, holder(9))).status).toBe(500);
    expect((await createCardholder(key, holder(9))).status).toBe(200);
  });

  it('ignores the header on GET operations', async () => {
    const answer = await call(mock, 'GET', '/v1/issuing/balances', {
      headers: { ...bearer(token), 'x-idempotency-key': '' },
    });
    expect(answer.status).toBe(200);
  });
});
