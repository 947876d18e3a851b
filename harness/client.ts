// The HTTP client every scenario uses: builds the real request for an operation (path, auth token, idempotency key,
// on-behalf-of, JSON body), sends it with undici, and reports what came back. Tokens are minted per credential and
// refreshed before they expire; every request is counted.

import { randomUUID } from 'node:crypto';
import { Agent, errors, request } from 'undici';
import { EXTRA_OPERATIONS } from '../catalog/extra-operations.ts';
import type { Operation } from '../catalog/types.ts';
import type { RequestSpec } from '../generators/types.ts';
import type { Credential, CredentialName } from '../mock/state/fixtures.ts';
import { recorder } from './recorder.ts';
import { redactHeaders } from './redact.ts';

export interface Observed {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
  durationMs: number;
  request: { method: string; path: string; headers: Record<string, string>; idempotencyKey: string | null };
}

/** The target could not be reached or did not answer in time: an environment failure. */
export class TargetError extends Error {
  constructor(
    message: string,
    readonly kind: 'unreachable' | 'timeout' | 'budget',
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
}

const REFRESH_BEFORE_MS = 60_000;

export class ApiClient {
  requestCount = 0;
  private nextSlotMs = 0;
  private readonly dispatcher: Agent;
  private readonly tokens = new Map<string, { token: string; expiresAtMs: number }>();
  private readonly minting = new Map<string, Promise<string>>();
  private readonly operations: ReadonlyMap<string, Operation>;

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

  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  operation(name: string): Operation {
    const op = this.operations.get(name);
    if (!op) throw new Error(`unknown operation "${name}"`);
    return op;
  }

  /** POST /v1/connect/token for a credential; every call supersedes that client's earlier tokens. */
  async mintToken(credential: Credential): Promise<{ auth_token: string; expired_at: number }> {
    const observed = await this.raw('POST', '/v1/connect/token', {
      'x-client-id': credential.client_id,
      'x-api-key': credential.api_key,
      accept: 'application/json',
    });
    const body = observed.json as { auth_token?: unknown; expired_at?: unknown } | undefined;
    if (observed.status !== 200 || typeof body?.auth_token !== 'string' || typeof body.expired_at !== 'number') {
      throw new TokenError(`token request for ${credential.client_id} answered ${observed.status}`, observed);
    }
    return { auth_token: body.auth_token, expired_at: body.expired_at };
  }

  /** A cached token for the credential, minted again when less than a minute remains. */
  async tokenFor(name: CredentialName, forceNew = false): Promise<string> {
    const cached = this.tokens.get(name);
    if (!forceNew && cached && cached.expiresAtMs - Date.now() > REFRESH_BEFORE_MS) return cached.token;
    // Concurrent cases share one mint: a second mint would supersede the token the first case is using.
    const pending = this.minting.get(name);
    if (pending && !forceNew) return pending;
    const minting = (async () => {
      const minted = await this.mintToken(await this.config.credential(name));
      this.tokens.set(name, { token: minted.auth_token, expiresAtMs: minted.expired_at * 1000 });
      return minted.auth_token;
    })().finally(() => this.minting.delete(name));
    this.minting.set(name, minting);
    return minting;
  }

  forgetToken(name: CredentialName): void {
    this.tokens.delete(name);
  }

  async send(spec: RequestSpec): Promise<Observed> {
    const op = this.operation(spec.operation);
    const path = fillPath(op, spec.params ?? {});
    const query = spec.query && Object.keys(spec.query).length ? `?${new URLSearchParams(spec.query)}` : '';
    const headers: Record<string, string> = { accept: 'application/json' };
    const auth = spec.auth ?? { kind: 'credential', name: 'default' };
    if (auth.kind === 'credential') headers['x-auth-token'] = `Bearer ${await this.tokenFor(auth.name)}`;
    if (auth.kind === 'raw') headers['x-auth-token'] = auth.value;
    if (op.idempotency_key && spec.idempotencyKey !== null) {
      headers['x-idempotency-key'] = spec.idempotencyKey ?? randomUUID();
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
    return this.raw(op.method, `${path}${query}`, headers, body);
  }

  private async raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Observed> {
    const budget = this.config.requestBudget;
    if (budget !== undefined && this.requestCount >= budget) {
      throw new TargetError(`the request budget of ${budget} is used up (UQPAY_REQUEST_BUDGET)`, 'budget');
    }
    await this.pace();
    const started = performance.now();
    const sent_ms = Date.now();
    this.requestCount++;
    const url = `${this.config.baseUrl.replace(/\/$/u, '')}${path}`;
    try {
      const response = await request(url, {
        method: method as 'GET',
        headers,
        body: body ?? null,
        dispatcher: this.dispatcher,
      });
      const text = await response.body.text();
      recorder()?.record(
        { sent_ms, answered_ms: Date.now(), method, url, headers, body: body ?? null, status: response.statusCode },
        text,
      );
      return {
        status: response.statusCode,
        headers: flattenHeaders(response.headers),
        text,
        json: parseJson(text),
        durationMs: performance.now() - started,
        request: {
          method,
          path,
          headers: redactHeaders(headers),
          idempotencyKey: headers['x-idempotency-key'] ?? null,
        },
      };
    } catch (error) {
      throw toTargetError(error, url);
    }
  }

  /** Waits for this request's slot when pacing is on; slots are reserved in call order. */
  private async pace(): Promise<void> {
    const perSecond = this.config.maxPerSecond;
    if (!perSecond) return;
    const now = Date.now();
    const slot = Math.max(now, this.nextSlotMs);
    this.nextSlotMs = slot + 1000 / perSecond;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
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

export function fillPath(op: Operation, params: Record<string, string>): string {
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
    return undefined;
  }
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name] = [value].flat().join(', ');
  return flat;
}

function toTargetError(error: unknown, url: string): TargetError {
  const host = new URL(url).host;
  if (error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError) {
    return new TargetError(`${host} did not answer in time`, 'timeout');
  }
  if (error instanceof errors.ConnectTimeoutError) return new TargetError(`${host}: connection timed out`, 'timeout');
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  return new TargetError(`${host} cannot be reached (${code ?? (error as Error).message})`, 'unreachable');
}
