// Rule variants: the mock with one validation rule moved, to prove a fuzz property can fail. A variant rewrites
// one field of one operation's requests before the mock's rules see them — e.g. a 41-letter first_name becomes 40
// letters (the boundary moved out by one unit: the mock now accepts it), or a 40-letter one becomes 41 (moved in by
// one: the mock now refuses it). Seen from outside, the mock behaves as if its rule sat one unit off.

import type { FastifyRequest } from 'fastify';
import { EXTRA_OPERATIONS } from '../catalog/extra-operations.ts';
import { loadCatalog } from '../catalog/load.ts';
import type { MockOptions } from './options.ts';
import { API_PREFIX, createMock, listenMock, type RunningMock } from './server.ts';

export const REMOVE = Symbol.for('uqpay.mock.remove');

export interface FieldRewrite {
  operation: string;
  /** "body:a.b", "query:name" or "header:name". */
  field: string;
  /** The replacement for the value sent (undefined when absent), REMOVE to drop it, or undefined to leave it. */
  rewrite(value: unknown): unknown;
}

export interface RuleVariant {
  name: string;
  rewrites: FieldRewrite[];
  /** Sees each API request before the mock does (after the rewrites); may change its headers. */
  before?: (req: FastifyRequest, operation: string | undefined) => void;
  /** Sees each API request once its answer went out. */
  after?: (req: FastifyRequest) => void;
  /** Replaces an answer the mock gave (its status and JSON text), or leaves it (undefined). */
  answer?: (
    operation: string | undefined,
    status: number,
    payload: string,
  ) => { status: number; payload: string } | undefined;
}

export async function startRuleVariantMock(
  variant: RuleVariant,
  options: Partial<MockOptions> = {},
): Promise<RunningMock> {
  return startSwitchableVariantMock(variant, options);
}

/** A rule-variant mock whose variant can be swapped between runs, or removed (null: the faithful mock). */
export interface SwitchableVariantMock extends RunningMock {
  use(variant: RuleVariant | null): void;
}

// One mock can serve many variants in turn (the fuzz kill rate judges hundreds): seeding a world and registering
// fastify's routes cost more than most variants' own runs. The hooks read whichever variant is in use.
export async function startSwitchableVariantMock(
  initial: RuleVariant | null,
  options: Partial<MockOptions> = {},
): Promise<SwitchableVariantMock> {
  let variant = initial;
  const mock = createMock(options);
  const routes = new Map(
    [...loadCatalog().operations, ...EXTRA_OPERATIONS].map((op) => [
      `${op.method} ${API_PREFIX}${op.path.replace(/\{(\w+)\}/gu, ':$1')}`,
      op.name,
    ]),
  );
  const operationOf = (req: FastifyRequest) => routes.get(`${req.method} ${req.routeOptions.url}`);
  mock.app.addHook('preHandler', async (req) => {
    if (!variant) return;
    const operation = operationOf(req);
    for (const rewrite of variant.rewrites) if (rewrite.operation === operation) apply(req, rewrite);
    variant.before?.(req, operation);
  });
  mock.app.addHook('onResponse', async (req) => variant?.after?.(req));
  mock.app.addHook('onSend', async (req, reply, payload) => {
    const answer = variant?.answer;
    if (!answer || typeof payload !== 'string') return payload;
    const changed = answer(operationOf(req), reply.statusCode, payload);
    if (!changed) return payload;
    reply.code(changed.status);
    return changed.payload;
  });
  return {
    ...(await listenMock(mock)),
    use: (next) => {
      variant = next;
    },
  };
}

function apply(req: FastifyRequest, { field, rewrite }: FieldRewrite): void {
  const at = field.indexOf(':');
  const [where, path] = [field.slice(0, at), field.slice(at + 1)];
  if (where === 'header') {
    const next = rewrite(req.headers[path]);
    if (next === REMOVE) delete req.headers[path];
    else if (next !== undefined) req.headers[path] = String(next);
    return;
  }
  if (where === 'query') {
    const query = req.query as Record<string, unknown>;
    const next = rewrite(query[path]);
    if (next === REMOVE) delete query[path];
    else if (next !== undefined) query[path] = String(next);
    return;
  }
  if (typeof req.body !== 'string') return;
  let body: unknown;
  try {
    body = JSON.parse(req.body);
  } catch {
    return;
  }
  if (!body || typeof body !== 'object') return;
  const keys = path.split('.');
  const last = keys.pop() as string;
  let parent = body as Record<string, unknown>;
  for (const key of keys) {
    const child = parent[key];
    if (!child || typeof child !== 'object') return;
    parent = child as Record<string, unknown>;
  }
  const next = rewrite(parent[last]);
  if (next === undefined) return;
  if (next === REMOVE) delete parent[last];
  else parent[last] = next;
  req.body = JSON.stringify(body);
}
