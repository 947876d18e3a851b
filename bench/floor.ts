// The floor: a bare undici loop that replays a run's recorded requests (harness/recorder.ts), control calls
// included, at the same concurrency, without judging anything. Tokens are minted by the replay itself (a request
// that used token n waits for mint n); API keys come from the mock's fixtures. Hold faults and waits are left out:
// without the scenario's timing they would only park requests.

import { readFileSync } from 'node:fs';
import { Pool } from 'undici';
import { mapConcurrent } from '../harness/pool.ts';
import type { RecordedRequest } from '../harness/recorder.ts';

export function readRecording(file: string): RecordedRequest[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as RecordedRequest);
}

/** The span from the first request sent to the last answer read, in seconds. */
export function spanS(requests: readonly RecordedRequest[]): number {
  const first = Math.min(...requests.map((r) => r.sent_ms));
  const last = Math.max(...requests.map((r) => r.answered_ms));
  return (last - first) / 1000;
}

const isHold = (r: RecordedRequest) => r.url.includes('/__mock/holds/') || (r.body?.includes('"hold"') ?? false);

export async function replay(requests: readonly RecordedRequest[], baseUrl: string, concurrency: number) {
  const origin = new URL(baseUrl).origin;
  const recordedOrigin = new URL(requests[0]?.url ?? baseUrl).origin;
  const pool = new Pool(origin, { connections: concurrency });
  const fixtures = await (await pool.request({ method: 'GET', path: '/__mock/fixtures' })).body.json();
  const keys = new Map(
    Object.values(
      (fixtures as { credentials: Record<string, { client_id: string; api_key: string }> }).credentials,
    ).map((c) => [c.client_id, c.api_key]),
  );
  const tokens = new Map<number, { promise: Promise<string>; resolve: (t: string) => void }>();
  const tokenSlot = (n: number) => {
    let slot = tokens.get(n);
    if (!slot) {
      let resolve: (t: string) => void = () => undefined;
      const promise = new Promise<string>((r) => {
        resolve = r;
      });
      slot = { promise, resolve };
      tokens.set(n, slot);
    }
    return slot;
  };
  const work = requests.filter((r) => !isHold(r));
  const started = performance.now();
  await mapConcurrent(work, concurrency, async (r) => {
    const headers = { ...r.headers };
    const ref = /\{\{token:(\d+)\}\}/u.exec(headers['x-auth-token'] ?? '');
    if (ref) headers['x-auth-token'] = `Bearer ${await tokenSlot(Number(ref[1])).promise}`;
    if (headers['x-api-key']) headers['x-api-key'] = keys.get(headers['x-client-id'] ?? '') ?? '';
    const url = new URL(r.url.replace(recordedOrigin, origin));
    const res = await pool.request({
      method: r.method as 'GET',
      path: `${url.pathname}${url.search}`,
      headers,
      body: r.body,
    });
    const text = await res.body.text();
    if (r.mint !== undefined) tokenSlot(r.mint).resolve(text ? JSON.parse(text).auth_token : '');
  });
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return { seconds, requests: work.length };
}
