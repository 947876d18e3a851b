// The floor: a bare undici loop that replays a run's recorded requests (harness/recorder.ts), control calls
// included, against a mock built like the run's own (same seed, same card timing), so it times the same paths. It
// keeps the run's structure: each owner's requests (a case's, a shared value's) in the order they awaited each other
// (what the case had answered before it sent the next), at most as many cases at once as the run had, a shared
// value's build when the first case needs it. The only work besides sending is keeping the replay the same run: a
// request that uses an id an earlier answer created waits for that answer and gets the replay's own id (ids are drawn
// from the seed in creation order, which concurrency shuffles), tokens are minted by the replay itself, API keys come
// from the mock's fixtures, and each answer's status is compared with the recorded one. In-flight duplicates replay
// too: the hold parks the first copy, the wait for it and the duplicate follow in the case's order.

import { readFileSync } from 'node:fs';
import { Pool } from 'undici';
import { isSharedOwner } from '../harness/case-answers.ts';
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

/** One owner's requests (a case, a shared value; a request of no owner alone), in the order they were sent. */
interface Chain {
  indices: number[];
  /** A shared value's build ran inside whichever case first needed it: it takes no slot of its own. */
  shared: boolean;
  run: Promise<void> | null;
}

export async function replay(
  recorded: readonly RecordedRequest[],
  baseUrl: string,
  concurrency: number,
): Promise<FloorRun> {
  const pool = new Pool(new URL(baseUrl).origin, { connections: concurrency });
  const run = new Replay(recorded, pool, baseUrl, await apiKeys(pool));
  const started = performance.now();
  // The cases hold the run's slots, as in the suite; a shared build runs when the first case needs it.
  await mapConcurrent(
    run.chains.filter((c) => !c.shared),
    concurrency,
    (chain) => run.start(chain),
  );
  await Promise.all(run.chains.map((chain) => run.start(chain)));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return { seconds, requests: run.work.length, statusMismatches: run.statusMismatches, mismatches: run.mismatches };
}

/** One replay's state: the requests, their owners' chains, the ids and tokens it got in place of the recorded ones. */
class Replay {
  readonly work: RecordedRequest[];
  readonly chains: Chain[];
  private readonly chainOf: Chain[];
  /** Which request's answer first held each recorded id, and which request minted each token. */
  private readonly producer: Map<string, number>;
  private readonly minter = new Map<number, number>();
  /** What the replay's answers held in place of each recorded id. */
  private readonly ownId = new Map<string, string>();
  private readonly token = slots<string>();
  private readonly answered = slots<void>();
  private readonly origin: string;
  private readonly recordedOrigin: string;
  readonly mismatches: string[] = [];
  statusMismatches = 0;

  constructor(
    recorded: readonly RecordedRequest[],
    private readonly pool: Pool,
    baseUrl: string,
    private readonly keys: ReadonlyMap<string, string>,
  ) {
    this.work = [...recorded].sort((a, b) => a.sent_ms - b.sent_ms);
    this.producer = firstProducers(this.work);
    this.work.forEach((r, i) => {
      if (r.mint !== undefined) this.minter.set(r.mint, i);
    });
    ({ chains: this.chains, chainOf: this.chainOf } = chainsOf(this.work));
    this.origin = new URL(baseUrl).origin;
    this.recordedOrigin = new URL(recorded[0]?.url ?? baseUrl).origin;
  }

  start(chain: Chain): Promise<void> {
    // Marked started before its requests look at their waits (which may name this chain again).
    chain.run ??= Promise.resolve()
      .then(() => Promise.all(chain.indices.map((index) => this.send(index))))
      .then(() => undefined);
    return chain.run;
  }

  /**
   * The answer of request `index`. One of another owner (an id it created, a token it minted) starts that owner's
   * chain if it has not started: the suite had sent it by then, and waiting for a slot could wait for ever.
   */
  private after(index: number): Promise<void> {
    void this.start(this.chainOf[index] as Chain);
    return this.answered(index).promise;
  }

  /**
   * What the request awaited in the run: of its own owner's requests, and of every owner whose ids it uses (a shared
   * value's build: its whole build, polls included, not only the answer that held the id), those answered before it
   * was sent.
   */
  private waitsOf(index: number): number[] {
    const r = this.work[index] as RecordedRequest;
    const producers = uuidsIn(`${r.url} ${r.body ?? ''}`).flatMap((id) => {
      const from = this.producer.get(id);
      return from !== undefined && from < index ? [from] : [];
    });
    const owners = new Set([this.chainOf[index] as Chain, ...producers.map((p) => this.chainOf[p] as Chain)]);
    return [...owners].flatMap((chain) =>
      chain.indices.filter((j) => j < index && (this.work[j] as RecordedRequest).answered_ms <= r.sent_ms),
    );
  }

  private async send(index: number): Promise<void> {
    const r = this.work[index] as RecordedRequest;
    const waits = this.waitsOf(index);
    if (waits.length) await Promise.all(waits.map((j) => this.after(j)));
    const swap = (text: string) => text.replace(/[0-9a-f-]{36}/giu, (id) => this.ownId.get(id) ?? id);
    const mintedBy = (n: number) => {
      const mint = this.minter.get(n);
      return mint === undefined ? this.token(n).promise : this.after(mint).then(() => this.token(n).promise);
    };
    const headers = await replayHeaders(r, mintedBy, this.keys);
    const url = new URL(swap(r.url).replace(this.recordedOrigin, this.origin));
    const res = await this.pool.request({
      method: r.method as 'GET',
      path: `${url.pathname}${url.search}`,
      headers,
      body: r.body === null ? null : swap(r.body),
    });
    this.settle(index, res.statusCode, await res.body.text(), url.pathname);
  }

  /** Keeps what the answer created or minted, and compares its status with the recorded one. */
  private settle(index: number, status: number, answer: string, path: string): void {
    const r = this.work[index] as RecordedRequest;
    if (r.mint !== undefined) this.token(r.mint).resolve(answer ? JSON.parse(answer).auth_token : '');
    const ids = uuidsIn(answer);
    // Only the answer that first held an id in the run maps it: a later one (a list) may list it elsewhere here.
    (r.ids ?? []).forEach((id, i) => {
      if (this.producer.get(id) === index && ids[i] !== undefined) this.ownId.set(id, ids[i]);
    });
    this.answered(index).resolve();
    if (status === r.status) return;
    this.statusMismatches++;
    if (this.mismatches.length < 5) this.mismatches.push(`${r.method} ${path}: ${status}, recorded ${r.status}`);
  }
}

/** The owners' chains in the order their first requests were sent, and each request's chain. */
function chainsOf(work: readonly RecordedRequest[]): { chains: Chain[]; chainOf: Chain[] } {
  const byOwner = new Map<string, Chain>();
  const chains: Chain[] = [];
  const chainOf = work.map((r, index) => {
    let chain = r.owner === undefined ? undefined : byOwner.get(r.owner);
    if (!chain) {
      chain = { indices: [], shared: isSharedOwner(r.owner), run: null };
      chains.push(chain);
      if (r.owner !== undefined) byOwner.set(r.owner, chain);
    }
    chain.indices.push(index);
    return chain;
  });
  return { chains, chainOf };
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
