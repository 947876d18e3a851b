// Plain HTTP against a running mock, for tests of the pipeline itself (auth, idempotency, routing, control).

import { request } from 'undici';
import type { RunningMock } from '../../mock/server.ts';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: Record<string, unknown>;
}

export async function call(
  mock: RunningMock,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  const url = path.startsWith('/__mock') ? `${new URL(mock.baseUrl).origin}${path}` : `${mock.baseUrl}${path}`;
  const res = await request(url, { method, headers: options.headers ?? {}, body: options.body ?? null });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, json: text ? JSON.parse(text) : {} };
}

export async function tokenFor(mock: RunningMock, name: keyof RunningMock['fixtures']['credentials'] = 'default') {
  const credential = mock.fixtures.credentials[name];
  const answer = await call(mock, 'POST', '/v1/connect/token', {
    headers: { 'x-client-id': credential.client_id, 'x-api-key': credential.api_key },
  });
  return String(answer.json.auth_token);
}

export const bearer = (token: string) => ({ 'x-auth-token': `Bearer ${token}` });
