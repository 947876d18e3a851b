// The HTTP client every scenario uses: builds the real request for an operation (path, auth token, idempotency key,
// on-behalf-of, JSON body), sends it with undici, and reports what came back. Tokens are minted per credential and
// refreshed before they expire; every request is counted.

import { setTimeout as sleep } from 'node:timers/promises';
import type { Agent as UndiciAgent } from 'undici';
import { EXTRA_OPERATIONS } from '../catalog/extra-operations.ts';
import type { AnyOperation, Operation } from '../catalog/types.ts';
import type { Credential, CredentialName } from '../contract/fixtures.ts';
import type { Observed, RequestSpec } from '../contract/request.ts';
import {
  BODY_CAP_BYTES,
  clientRefusedReason,
  isClientRefused,
  isLoginExpired,
  type RetryPause,
  realPause,
  resendWhileTrouble,
} from './answer-body.ts';
import { exchange } from './exchange.ts';
import { newIdempotencyKey } from './idempotency-keys.ts';
import { recorder } from './recorder.ts';
import { redactHeaders } from './redact.ts';
import { Agent, errors } from './undici-core.ts';

/** The target could not be reached or did not answer in time: an environment failure. */
export class TargetError extends Error {
  constructor(
    message: string,
    readonly kind: 'unreachable' | 'timeout' | 'budget' | 'clash' | 'refused',
    /** The connection was reset or closed before an answer arrived (retryable). */
    readonly reset = false,
  ) {
    super(message);
    this.name = 'TargetError';
  }
}

export interface ClientConfig {
  /** The API base as the vendor gives it, e.g. https://api-sandbox.uqpaytech.com/api */
  baseUrl: string;
  credential(name: CredentialName): Promise<Credential>;
  timeoutMs?: number;
  /** Most requests this client may send (a sandbox quota guard); past it every request is an environment error. */
  requestBudget?: number;
  /** Pace requests to at most this many per second (the sandbox allows about 500 a minute). */
  maxPerSecond?: number;
  /** Told of every operation request sent through send(), answered or not (the cleanup ledger listens here). */
  observer?: ClientObserver;
  /**
   * How a retry waits its backoff (429/5xx, Retry-After, a reset connection): a real timer by default. Tests pass one
   * that records the delays asked and resolves at once.
   */
  retryPause?: RetryPause;
}

export interface ClientObserver {
  /** Just before the request leaves: written ahead, so a run killed mid-request still knows it may have taken effect. */
  sending?(spec: RequestSpec, idempotencyKey: string | null): void;
  answered?(spec: RequestSpec, observed: Observed): void;
  /** Failed before it could reach the target (refused connection, a clash): it took no effect. */
  notSent?(spec: RequestSpec, idempotencyKey: string | null): void;
  /** No answer arrived (timeout, reset, unreachable): the request may or may not have taken effect. */
  unanswered?(spec: RequestSpec, idempotencyKey: string | null, error: unknown): void;
}

const REFRESH_BEFORE_MS = 60_000;
const MINT_RETRIES = 3;
const RESET_RETRIES = 2;
/**
 * Tokens superseded this often means two processes keep minting for one credential (each request of one supersedes
 * the other's token): no progress is possible. Rarer supersedes (a person's script, the other run's one cleanup mint)
 * are absorbed by re-minting.
 */
const CLASH_WINDOW_MS = 5_000;
const CLASH_SUPERSEDES = 3;
/** How far behind its first copy an in-flight duplicate leaves: enough to arrive second, well inside a round trip. */
const DUPLICATE_GAP_MS = 50;

/** One HTTP request as sent. A resend shares its headers, into which a re-minted token has been written. */
interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | undefined;
}

export class ApiClient {
  requestCount = 0;
  private nextSlotMs = 0;
  private readonly dispatcher: UndiciAgent;
  private readonly tokens = new Map<string, { token: string; expiresAtMs: number }>();
  private readonly remintedAtMs = new Map<string, number[]>();
  /** Set once tokens keep being superseded: every later request fails with this one clear reason. */
  private clash: string | null = null;
  /** Set once the target refused a freshly minted token of the configured credential (the documented 401). */
  private refused: string | null = null;
  /** Concurrent cases share one mint per credential: a second mint would supersede the token the first is using. */
  private readonly minting = new Map<string, Promise<string>>();
  /** Tokens this client minted, per client id: a token superseded by one of our own mints is no clash. */
  private readonly mints = new Map<string, number>();
  private readonly operations: ReadonlyMap<string, AnyOperation>;
  /** Requests sent with an explicit idempotency key, until they leave the pacer (an in-flight duplicate waits). */
  private readonly departures = new Map<string, { left: Promise<void>; leave: () => void }>();

  constructor(
    private readonly config: ClientConfig,
    operations: readonly Operation[],
  ) {
    const timeout = config.timeoutMs ?? 30_000;
    this.dispatcher = new Agent({
      connections: 16,
      headersTimeout: timeout,
      bodyTimeout: timeout,
      connectTimeout: timeout,
    });
    this.operations = new Map([...operations, ...EXTRA_OPERATIONS].map((o) => [o.name, o]));
  }

  /** Waits a retry's backoff (ClientConfig.retryPause; a real timer by default). */
  readonly pauseBeforeRetry: RetryPause = (ms) => (this.config.retryPause ?? realPause)(ms);

  /** The API base this client sends to (for reproduction commands). */
  get baseUrl(): string {
    return this.config.baseUrl;
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  operation(name: string): AnyOperation {
    const op = this.operations.get(name);
    if (!op) throw new Error(`unknown operation "${name}"`);
    return op;
  }

  /** POST /v1/connect/token for a credential; every call supersedes that client's earlier tokens. */
  async mintToken(credential: Credential): Promise<{ auth_token: string; expired_at: number }> {
    const mint = () =>
      this.raw({
        method: 'POST',
        path: '/v1/connect/token',
        headers: { 'x-client-id': credential.client_id, 'x-api-key': credential.api_key, accept: 'application/json' },
      });
    // A blip at the token endpoint (5xx, or 429 with its Retry-After) is retried, not reported as refused credentials.
    const observed = await resendWhileTrouble(mint, MINT_RETRIES, this.pauseBeforeRetry);
    const body = observed.json as { auth_token?: unknown; expired_at?: unknown } | undefined;
    if (observed.status !== 200 || typeof body?.auth_token !== 'string' || typeof body.expired_at !== 'number') {
      throw new TokenError(`token request for ${credential.client_id} answered ${observed.status}`, observed);
    }
    this.mints.set(credential.client_id, (this.mints.get(credential.client_id) ?? 0) + 1);
    return { auth_token: body.auth_token, expired_at: body.expired_at };
  }

  /** A cached token for the credential, minted again when less than a minute remains. */
  async tokenFor(name: CredentialName, forceNew = false): Promise<string> {
    const cached = this.tokens.get(name);
    if (!forceNew && cached && cached.expiresAtMs - Date.now() > REFRESH_BEFORE_MS) return cached.token;
    // Concurrent cases share one mint: a second mint would supersede the token the first case is using.
    // A mint under way is as fresh as a forced one.
    const pending = this.minting.get(name);
    if (pending) return pending;
    const minting = (async () => {
      const minted = await this.mintToken(await this.config.credential(name));
      this.tokens.set(name, { token: minted.auth_token, expiresAtMs: minted.expired_at * 1000 });
      return minted.auth_token;
    })().finally(() => this.minting.delete(name));
    this.minting.set(name, minting);
    return minting;
  }

  private async remintAfterSupersede(name: CredentialName): Promise<void> {
    const now = Date.now();
    const recent = [...(this.remintedAtMs.get(name) ?? []), now].filter((t) => now - t < CLASH_WINDOW_MS);
    this.remintedAtMs.set(name, recent);
    if (recent.length >= CLASH_SUPERSEDES) {
      const { client_id } = await this.config.credential(name);
      this.clash =
        `credential clash: tokens of client ${client_id} were superseded ${CLASH_SUPERSEDES} times within ${CLASH_WINDOW_MS / 1000} s; ` +
        'another process (a second run, a release gate, a script) is probably using the same credentials. Run one suite per credential';
      throw new TargetError(this.clash, 'clash');
    }
  }

  forgetToken(name: CredentialName): void {
    this.tokens.delete(name);
  }

  async send(spec: RequestSpec): Promise<Observed> {
    // Before any await: a duplicate sent right after this request must find it here.
    const departure = spec.overlapsFirstCopy ? undefined : this.expectDeparture(spec.idempotencyKey);
    try {
      if (spec.overlapsFirstCopy && spec.idempotencyKey) await this.behindFirstCopy(spec.idempotencyKey);
      return await this.sendNow(spec, spec.overlapsFirstCopy === true);
    } finally {
      departure?.();
    }
  }

  private expectDeparture(key: string | null | undefined): (() => void) | undefined {
    if (!key || this.departures.has(key)) return undefined;
    let leave: () => void = () => undefined;
    const left = new Promise<void>((resolve) => {
      leave = resolve;
    });
    this.departures.set(key, { left, leave });
    return () => {
      leave();
      this.departures.delete(key);
    };
  }

  private async behindFirstCopy(key: string): Promise<void> {
    await this.departures.get(key)?.left;
    await sleep(DUPLICATE_GAP_MS);
  }

  private async sendNow(spec: RequestSpec, unpaced: boolean): Promise<Observed> {
    const op = this.operation(spec.operation);
    const path = fillPath(op, spec.params ?? {});
    const query = spec.query && Object.keys(spec.query).length ? `?${new URLSearchParams(spec.query)}` : '';
    const headers: Record<string, string> = { accept: 'application/json' };
    const auth = spec.auth ?? { kind: 'credential', name: 'default' };
    let mintsBefore = 0;
    if (auth.kind === 'credential') {
      headers['x-auth-token'] = `Bearer ${await this.tokenFor(auth.name)}`;
      mintsBefore = this.mints.get((await this.config.credential(auth.name)).client_id) ?? 0;
    }
    if (auth.kind === 'raw') headers['x-auth-token'] = auth.value;
    if (op.idempotency_key && spec.idempotencyKey !== null) {
      headers['x-idempotency-key'] = spec.idempotencyKey ?? newIdempotencyKey();
    }
    if (spec.onBehalfOf !== undefined) headers['x-on-behalf-of'] = spec.onBehalfOf;
    let body: string | undefined;
    if (spec.rawBody !== undefined) body = spec.rawBody;
    else if (spec.body !== undefined) body = JSON.stringify(spec.body);
    if (body !== undefined) {
      const type = spec.contentType === undefined ? 'application/json' : spec.contentType;
      if (type !== null) headers['content-type'] = type;
    }
    Object.assign(headers, spec.headers);
    let observed: Observed;
    try {
      if (this.clash) throw new TargetError(this.clash, 'clash');
      if (this.refused) throw new TargetError(this.refused, 'refused');
      const raw: RawRequest = { method: op.method, path: `${path}${query}`, headers, body };
      const resend = () => this.raw(raw);
      this.config.observer?.sending?.(spec, headers['x-idempotency-key'] ?? null);
      observed = await this.raw(raw, unpaced);
      if (auth.kind === 'credential')
        observed = await this.answerToToken(auth.name, observed, mintsBefore, headers, resend);
    } catch (error) {
      // Only a request that may have reached the target (a timeout, a reset) has an unknown outcome.
      if (error instanceof TargetError && (error.kind === 'timeout' || error.reset))
        this.config.observer?.unanswered?.(spec, headers['x-idempotency-key'] ?? null, error);
      else this.config.observer?.notSent?.(spec, headers['x-idempotency-key'] ?? null);
      throw error;
    }
    this.config.observer?.answered?.(spec, observed);
    return observed;
  }

  /**
   * The answers about the token itself, recognised through the catalog. "Login expired": superseded by a mint of this
   * run (a concurrent case's, or a scenario's on purpose), take the newer token; otherwise another process minted one
   * for the same credential: mint again and resend, same idempotency key; supersedes that keep coming within the
   * window are a clash, not a contract failure. The documented 401 to the configured credential: once more with a
   * token minted since (one that expired under us), then the client is refused for good: every later request fails
   * at once, without minting again.
   */
  private async answerToToken(
    name: CredentialName,
    observed: Observed,
    mintsBefore: number,
    headers: Record<string, string>,
    resend: () => Promise<Observed>,
  ): Promise<Observed> {
    const loginExpired = isLoginExpired(observed);
    const refused = name === 'default' && isClientRefused(observed);
    if (!loginExpired && !refused) return observed;
    if (this.refused) throw new TargetError(this.refused, 'refused');
    const ours = (this.mints.get((await this.config.credential(name)).client_id) ?? 0) > mintsBefore;
    if (loginExpired && !ours) await this.remintAfterSupersede(name);
    headers['x-auth-token'] = `Bearer ${await this.tokenFor(name, !ours)}`;
    const again = await resend();
    if (refused && isClientRefused(again)) {
      this.refused = clientRefusedReason();
      throw new TargetError(this.refused, 'refused');
    }
    return again;
  }

  /**
   * A connection reset before any answer is retried (same headers, so the same idempotency key): the request is
   * either replayed by the target or runs for the first time. Timeouts are not: the wait was already spent.
   */
  private async raw(req: RawRequest, unpaced = false): Promise<Observed> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.rawOnce(req, unpaced && attempt === 1);
      } catch (error) {
        if (!(error instanceof TargetError && error.reset) || attempt > RESET_RETRIES) throw error;
        await this.pauseBeforeRetry(100 * attempt);
      }
    }
  }

  private async rawOnce({ method, path, headers, body }: RawRequest, unpaced = false): Promise<Observed> {
    const budget = this.config.requestBudget;
    if (budget !== undefined && this.requestCount >= budget) {
      throw new TargetError(`the request budget of ${budget} is used up (UQPAY_REQUEST_BUDGET)`, 'budget');
    }
    await this.pace(unpaced);
    this.departures.get(headers['x-idempotency-key'] ?? '')?.leave();
    const started = performance.now();
    const sent_ms = Date.now();
    this.requestCount++;
    const url = `${this.config.baseUrl.replace(/\/$/u, '')}${path}`;
    try {
      const response = await exchange(this.dispatcher, { method, url, headers, body: body ?? null }, BODY_CAP_BYTES);
      const { text, oversized } = response;
      recorder()?.record(
        { sent_ms, answered_ms: Date.now(), method, url, headers, body: body ?? null, status: response.statusCode },
        text,
      );
      return {
        status: response.statusCode,
        headers: response.headers,
        text,
        json: oversized ? undefined : parseJson(text),
        ...(oversized ? { oversized } : {}),
        durationMs: performance.now() - started,
        request: {
          method,
          path,
          headers: redactHeaders(headers),
          idempotencyKey: headers['x-idempotency-key'] ?? null,
          body: body ?? null,
        },
      };
    } catch (error) {
      throw toTargetError(error, url);
    }
  }

  /**
   * Waits for this request's slot when pacing is on; slots are reserved in call order. An unpaced request (an
   * in-flight duplicate) goes at once but still takes a slot, so any minute holds at most one request more.
   */
  private async pace(unpaced = false): Promise<void> {
    const perSecond = this.config.maxPerSecond;
    if (!perSecond) return;
    const now = Date.now();
    const slot = Math.max(now, this.nextSlotMs);
    this.nextSlotMs = slot + 1000 / perSecond;
    if (slot > now && !unpaced) await sleep(slot - now);
  }
}

export class TokenError extends Error {
  constructor(
    message: string,
    readonly observed: Observed,
  ) {
    super(message);
    this.name = 'TokenError';
  }
}

export function fillPath(op: AnyOperation, params: Record<string, string>): string {
  return op.path.replace(/\{(\w+)\}/gu, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${op.name} needs path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // not JSON: json stays undefined and the text is kept, for the judge to report
  }
}

/** Network trouble (a timeout, a refused or reset connection) as the environment error it is. */
export function toTargetError(error: unknown, url: string): TargetError {
  const host = new URL(url).host;
  if (error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError) {
    return new TargetError(`${host} did not answer in time`, 'timeout');
  }
  if (error instanceof errors.ConnectTimeoutError) return new TargetError(`${host}: connection timed out`, 'timeout');
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  const reset = code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE';
  return new TargetError(`${host} cannot be reached (${code ?? (error as Error).message})`, 'unreachable', reset);
}
