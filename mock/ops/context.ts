// What an operation rule receives and returns. Rules are synchronous functions of the world and the request:
// they throw fail(<catalog id>) to answer with a documented error, or return the success body.

import type { AnyOperation } from '../../catalog/types.ts';
import type { RateLimiter } from '../http/rate-limit.ts';
import type { MockOptions } from '../options.ts';
import type { Account, ApiKey } from '../state/types.ts';
import type { World } from '../state/world.ts';

export interface OpContext {
  world: World;
  op: AnyOperation;
  /** The account the request acts for: the caller's, or the x-on-behalf-of sub-account. */
  account: Account;
  apiKey: ApiKey;
  params: Readonly<Record<string, string>>;
  query: Readonly<Record<string, string | string[] | undefined>>;
  body: Readonly<Record<string, unknown>>;
  options: MockOptions;
  limiter: RateLimiter;
}

export interface OpResult {
  status: number;
  body: unknown;
  /** Extra response headers; a content-type here replaces JSON (report downloads are CSV). */
  headers?: Record<string, string>;
}

export type OpHandler = (ctx: OpContext) => OpResult;

export function ok(body: unknown): OpResult {
  return { status: 200, body };
}
