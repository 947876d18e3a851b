// The floor: a bare undici loop that replays a run's recorded requests (harness/recorder.ts), control calls
// included, in the order they were sent and at the same concurrency, against a mock built like the run's own (same
// seed, same card timing), so it times the same paths. The only work besides sending is keeping the replay the same
// run: a request that uses an id an earlier answer created waits for that answer and gets the replay's own id (ids are
// drawn from the seed in creation order, which concurrency shuffles), tokens are minted by the replay itself, API keys
// come from the mock's fixtures, and each answer's status is compared with the recorded one. Hold arms and their
// parked requests are left out: without the scenario's timing they would only park requests.

import { readFileSync } from 'node:fs';
import { Pool } from 'undici';
import { mapConcurrent } from '../harness/pool.ts';
import { type RecordedRequest, uuidsIn } from '../harness/recorder.ts';

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

export interface FloorRun {
  seconds: number;
  requests: number;
  /** Replayed answers whose status differs from the recorded one (a different path was timed), and the first few. */
  statusMismatches: number;
  mismatches: string[];
}

/** A promise per key, resolved from outside: token n, or the answer of request i. */
function slots<T>() {
  const all = new Map<number, { promise: Promise<T>; resolve: (value: T) => void }>();
  return (key: number) => {
    let slot = all.get(key);
    if (!slot) {
      let resolve: (value: T) => void = () => undefined;
      const promise = new Promise<T>((r) => {
        resolve = r;
      });
      slot = { promise, resolve };
      all.set(key, slot);
    }
    return slot;
  };
}

export async function replay(
  recorded: readonly RecordedRequest[],
  baseUrl: string,
  concurrency: number,
): Promise<FloorRun> {
  const origin = new URL(baseUrl).origin;
  const recordedOrigin = new URL(recorded[0]?.url ?? baseUrl).origin;
  const pool = new Pool(origin, { connections: concurrency });
  const keys = await apiKeys(pool);
  const work = recorded.filter((r) => !isHold(r)).sort((a, b) => a.sent_ms - b.sent_ms);
  // Which request's answer first held each recorded id, and what the replay's answer held in its place.
  const producer = firstProducers(work);
  const ownId = new Map<string, string>();
  const token = slots<string>();
  const answered = slots<void>();
  const mismatches: string[] = [];
  let statusMismatches = 0;
  const started = performance.now();
  await mapConcurrent(work, concurrency, async (r, index) => {
    const text = `${r.url} ${r.body ?? ''}`;
    const waits = uuidsIn(text).flatMap((id) => {
      const from = producer.get(id);
      return from !== undefined && from < index ? [answered(from).promise] : [];
    });
    if (waits.length) await Promise.all(waits);
    const swap = (s: string) => s.replace(/[0-9a-f-]{36}/giu, (id) => ownId.get(id) ?? id);
    const headers = await replayHeaders(r, (n) => token(n).promise, keys);
    const url = new URL(swap(r.url).replace(recordedOrigin, origin));
    const res = await pool.request({
      method: r.method as 'GET',
      path: `${url.pathname}${url.search}`,
      headers,
      body: r.body === null ? null : swap(r.body),
    });
    const answer = await res.body.text();
    if (r.mint !== undefined) token(r.mint).resolve(answer ? JSON.parse(answer).auth_token : '');
    const ids = uuidsIn(answer);
    (r.ids ?? []).forEach((id, i) => {
      if (!ownId.has(id) && ids[i] !== undefined) ownId.set(id, ids[i]);
    });
    answered(index).resolve();
    if (res.statusCode !== r.status) {
      statusMismatches++;
      if (mismatches.length < 5)
        mismatches.push(`${r.method} ${url.pathname}: ${res.statusCode}, recorded ${r.status}`);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return { seconds, requests: work.length, statusMismatches, mismatches };
}

/** The mock's API keys by client id (the recording holds references, never keys). */
async function apiKeys(pool: Pool): Promise<Map<string, string>> {
  const fixtures = await (await pool.request({ method: 'GET', path: '/__mock/fixtures' })).body.json();
  return new Map(
    Object.values(
      (fixtures as { credentials: Record<string, { client_id: string; api_key: string }> }).credentials,
    ).map((c) => [c.client_id, c.api_key]),
  );
}

/** For each recorded id, the index of the first request whose answer held it. */
function firstProducers(work: readonly RecordedRequest[]): Map<string, number> {
  const producer = new Map<string, number>();
  work.forEach((r, i) => {
    for (const id of r.ids ?? []) if (!producer.has(id)) producer.set(id, i);
  });
  return producer;
}

/** The recorded headers with the replay's own token for a token reference and the mock's key for a key. */
async function replayHeaders(
  r: RecordedRequest,
  token: (n: number) => Promise<string>,
  keys: ReadonlyMap<string, string>,
): Promise<Record<string, string>> {
  const headers = { ...r.headers };
  const ref = /\{\{token:(\d+)\}\}/u.exec(headers['x-auth-token'] ?? '');
  if (ref) headers['x-auth-token'] = `Bearer ${await token(Number(ref[1]))}`;
  if (headers['x-api-key']) headers['x-api-key'] = keys.get(headers['x-client-id'] ?? '') ?? '';
  return headers;
}
