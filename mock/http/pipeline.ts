// The ordered checks every API request goes through before its operation rule runs (mock/RULES.md §1).
// Framework-free on purpose: the fastify adapter only translates requests and answers.

import { setTimeout as sleep } from 'node:timers/promises';
import type { AnyOperation } from '../../catalog/types.ts';
import { SCOPE_HEADER } from '../../contract/faults.ts';
import { ApiFailure, fail, invalidField } from '../errors.ts';
import type { OpHandler } from '../ops/context.ts';
import type { MockOptions } from '../options.ts';
import type { HttpAnswer, Responder } from '../responder.ts';
import type { Account, ApiKey } from '../state/types.ts';
import type { World } from '../state/world.ts';
import { VARIANT_HEADER } from '../variants.ts';
import { readBody } from './body.ts';
import { CHAOS_LATENCY_MS, pickChaos } from './chaos.ts';
import type { FaultBoard } from './faults.ts';
import type { IdempotencyStart, IdempotencyStore } from './idempotency.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { TokenService } from './tokens.ts';

export interface PipelineServices {
  world: World;
  options: MockOptions;
  responder: Responder;
  tokens: TokenService;
  idempotency: IdempotencyStore;
  limiter: RateLimiter;
  faults: FaultBoard;
  handlers: Readonly<Record<string, OpHandler>>;
  random: () => number;
  /** How often each catalog entry was answered on each operation, keyed "<entry id>|<operation name>". */
  produced: Map<string, number>;
}

export interface ApiRequest {
  path: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  params: Readonly<Record<string, string>>;
  query: Readonly<Record<string, string | string[] | undefined>>;
  rawBody: string | undefined;
}

/** Tells the adapter to drop the connection without answering. */
export const RESET = Symbol('reset');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
const INTERNAL = { message: 'internal server error, please retry with the same idempotency key' };

export async function runOperation(
  s: PipelineServices,
  op: AnyOperation,
  req: ApiRequest,
): Promise<HttpAnswer | typeof RESET> {
  const scope = single(req.headers[SCOPE_HEADER]);
  const variantName = single(req.headers[VARIANT_HEADER]);
  if (s.faults.take('reset', op.id, scope)) return RESET;
  const chaos = pickChaos(s.random, s.options.chaosRate);
  if (chaos === 'reset') return RESET;
  const latency =
    (s.faults.take('latency', op.id, scope)?.latency_ms ?? profileLatency(s)) +
    (chaos === 'latency' ? CHAOS_LATENCY_MS : 0);
  let idempotency: IdempotencyStart | null = null;
  let answer: HttpAnswer;
  try {
    const caller = admit(s, op, req, chaos);
    if (op.idempotency_key) {
      idempotency = s.idempotency.begin(
        caller.account.id,
        req.headers['x-idempotency-key'],
        `${op.method} ${req.path}`,
      );
      if (idempotency && 'replay' in idempotency) return idempotency.replay;
    }
    await armedTrouble(s, op, scope, latency);
    answer = runRule(s, op, req, caller, variantName);
  } catch (error) {
    answer = answerFailure(s, op, error, variantName);
  }
  if (idempotency && 'finish' in idempotency) idempotency.finish(answer);
  return answer;
}

/** The caller's API key, and the account it acts for (itself, or a sub-account named by x-on-behalf-of). */
interface Acting {
  apiKey: ApiKey;
  account: Account;
}

/** Who acts: chaos first, then the token, the acting account, its rate limit and the key's permissions. */
function admit(s: PipelineServices, op: AnyOperation, req: ApiRequest, chaos: ReturnType<typeof pickChaos>): Acting {
  // Before idempotency: a chaos 5xx/429 stores nothing, so a retry with the same key runs again.
  if (chaos === 'rate-limit') throw fail('general.b.request_is_too_frequent', {}, { 'retry-after': '1' });
  if (chaos === 'error') throw fail('general.api_error', INTERNAL, { 'retry-after': '1' });
  const { apiKey, account: callerAccount } = s.tokens.authenticate(single(req.headers['x-auth-token']));
  const account = actingAccount(s.world, callerAccount, req.headers['x-on-behalf-of']);
  if (s.options.globalRateLimit !== null) {
    const wait = s.limiter.hitSliding(`account:${account.id}`, s.options.globalRateLimit, s.options.rateLimitWindowMs);
    if (wait !== null) throw fail('general.b.request_is_too_frequent', {}, { 'retry-after': String(wait) });
  }
  if (op.id === 'retrieve_sensitive_card_details' && !apiKey.permissions.includes('cards:secure')) {
    throw fail('general.forbidden', { message: 'API key lacks permission to retrieve sensitive card details' });
  }
  return { apiKey, account };
}

/** Faults armed on this operation and the configured ones: a hold, latency, an armed error, a random 500. */
async function armedTrouble(s: PipelineServices, op: AnyOperation, scope: string | undefined, latency: number) {
  // A hold parks the request here, its idempotency key taken, until the scope that armed it releases it.
  if (scope !== undefined && s.faults.take('hold', op.id, scope)) await s.faults.holds.park(scope);
  if (latency > 0) await sleep(latency);
  const errorFault = s.faults.take('error', op.id, scope);
  if (errorFault?.entry) throw fail(errorFault.entry, INTERNAL, { 'retry-after': '1' });
  if (s.options.faultRate > 0 && s.random() < s.options.faultRate) throw fail('general.api_error', INTERNAL);
}

/** The operation's rule on the parsed body; its draws keyed by the idempotency key, so a retry draws the same. */
function runRule(
  s: PipelineServices,
  op: AnyOperation,
  req: ApiRequest,
  { apiKey, account }: Acting,
  variantName: string | undefined,
): HttpAnswer {
  const body = readBody(op, single(req.headers['content-type']), req.rawBody);
  const handler = s.handlers[op.id];
  if (!handler) throw new Error(`no rule for operation ${op.id}`);
  const key = op.idempotency_key ? single(req.headers['x-idempotency-key']) : undefined;
  const result = s.world.withKeyedDraws(key && `${account.id}|${key}`, () =>
    handler({
      world: s.world,
      op,
      account,
      apiKey,
      params: req.params,
      query: req.query,
      body,
      options: s.options,
      limiter: s.limiter,
    }),
  );
  return s.responder.review(
    { status: result.status, body: result.body, headers: result.headers ?? {} },
    variantName,
    op.name,
  );
}

/** A documented failure answered as documented (and counted); anything else as the API's internal error. */
function answerFailure(s: PipelineServices, op: AnyOperation, error: unknown, variantName: string | undefined) {
  if (!(error instanceof ApiFailure)) {
    // A bug in a rule must not take the mock down; it answers like the real API's internal error.
    console.error(`mock: ${op.id} failed unexpectedly:`, error);
  }
  const failure = error instanceof ApiFailure ? error : fail('general.api_error', INTERNAL);
  const key = `${failure.entryId}|${op.name}`;
  s.produced.set(key, (s.produced.get(key) ?? 0) + 1);
  return s.responder.answer(failure, variantName, op.name);
}

function actingAccount(world: World, caller: Account, header: string | string[] | undefined): Account {
  if (header === undefined || header === '') return caller;
  if (Array.isArray(header) || !UUID.test(header))
    throw invalidField({ path: 'x-on-behalf-of', rule: 'must be a UUID' });
  const sub = world.accounts.get(header.toLowerCase());
  if (!sub || sub.parentId !== caller.id || sub.status === 'DEACTIVATED' || sub.status === 'DELETED') {
    throw fail('general.sub_account_not_found');
  }
  return sub;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A delay drawn from the --latency profile (0 without one). */
export function profileLatency(s: PipelineServices): number {
  const range = s.options.latency;
  return range ? range.minMs + Math.floor(s.random() * (range.maxMs - range.minMs + 1)) : 0;
}
