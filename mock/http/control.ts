// The mock-only control surface under /__mock: fixtures, faults, the clock, expired tokens and counters.
// It never shares a path with the API, which lives under /api.

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FaultSpec } from '../../contract/faults.ts';
import type { Mock } from '../mock.ts';
import { replenishPool } from '../state/pool.ts';
import { type ControlRoute, registerWebhookRoutes, WEBHOOK_INDEX } from '../webhooks/control.ts';
import { FaultSpecError } from './faults.ts';
import type { RouteTable } from './routes.ts';

export const CONTROL_PREFIX = '/__mock';

const INDEX = {
  'GET /__mock/fixtures': 'named fixtures: credentials, sub-accounts, products, cardholders, cards, card pool',
  'GET /__mock/health': 'liveness, seed and options',
  'GET /__mock/stats': 'requests served, by status',
  'GET /__mock/faults': 'armed faults',
  'POST /__mock/faults': 'arm a fault: {kind: error|reset|latency, entry?, operation?, count?, rate?, latency_ms?}',
  'DELETE /__mock/faults': "disarm every fault (?scope=<scope>: only that scope's, releasing its held requests)",
  'POST /__mock/holds/wait':
    'answers once a request of {scope} is held by a hold fault (held: false after 5 s, or once the scope is released)',
  'POST /__mock/holds/release': 'releases the held requests of {scope}',
  'POST /__mock/clock': 'move the clock: {advance_seconds}',
  'POST /__mock/tokens/expired': 'a signed but expired token: {client_id}',
  'GET /__mock/cards/:card_id': 'what only the card mailer shows: status, form, activation code',
  'GET /__mock/pool': 'provisioned physical card numbers not assigned yet',
};

export function registerControlRoutes(mock: Mock, routes: RouteTable): void {
  const route: ControlRoute = (method, path, handler) =>
    // A handler that waits (GET /__mock/webhooks lets deliveries in flight finish) answers once it is done: answer()
    // awaits it and sends once (sending its sent reply again made fastify build an "already sent" error each time).
    routes.add(mock.app, method, `${CONTROL_PREFIX}${path}`, (req, reply) => answer(reply, () => handler(req)));
  registerStateRoutes(mock, route);
  registerFaultRoutes(mock, route);
  registerWorldRoutes(mock, route);
  registerWebhookRoutes(mock, route, objectBody);
}

/** What the mock is and has served: the index, its fixtures, health and counters. */
function registerStateRoutes({ fixtures, options, stats, services }: Mock, route: ControlRoute): void {
  route('GET', '', () => ({ ...INDEX, ...WEBHOOK_INDEX }));
  route('GET', '/fixtures', () => fixtures);
  route('GET', '/health', () => ({
    status: 'ok',
    seed: options.seed,
    now: services.world.now().toISOString(),
    global_rate_limit: options.globalRateLimit,
    rate_limit_window_ms: options.rateLimitWindowMs,
    latency: options.latency,
    fault_rate: options.faultRate,
    variant: options.variant?.name ?? null,
  }));
  route('GET', '/stats', () => stats);
}

/** Faults: armed, listed, cleared; held requests waited for and released. */
function registerFaultRoutes({ services: { faults } }: Mock, route: ControlRoute): void {
  route('GET', '/faults', () => ({ armed: faults.list() }));
  route('POST', '/faults', (req) => {
    faults.arm(objectBody(req) as unknown as FaultSpec);
    return { armed: faults.list() };
  });
  route('DELETE', '/faults', (req) => {
    const scope = (req.query as { scope?: unknown }).scope;
    faults.clear(typeof scope === 'string' && scope !== '' ? scope : undefined);
    return { armed: faults.list() };
  });
  route('POST', '/holds/wait', async (req) => ({ held: await faults.holds.waitParked(scopeOf(req)) }));
  route('POST', '/holds/release', (req) => ({ released: faults.holds.release(scopeOf(req)) }));
}

/** The world only a mock can show or move: the clock, expired tokens, the card pool, a card's mailer facts. */
function registerWorldRoutes({ services: { world, tokens }, options }: Mock, route: ControlRoute): void {
  route('POST', '/clock', (req) => {
    const seconds = objectBody(req).advance_seconds;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
      throw new FaultSpecError('advance_seconds must be a non-negative number');
    }
    world.clock.advance(seconds);
    return { now: world.now().toISOString() };
  });
  route('POST', '/tokens/expired', (req) => {
    const token = tokens.mintExpired(String(objectBody(req).client_id ?? options.clientId));
    if (!token) throw new FaultSpecError('unknown client_id');
    return { auth_token: token };
  });
  route('GET', '/pool', () => ({
    // Replenished first, so run after run on one mock never finds it empty.
    replenished: replenishPool(world),
    available: world.pool
      .filter((p) => !p.assigned)
      .map((p) => ({ card_number: p.pan, activation_code: p.activationCode, product_id: p.productId })),
  }));
  route('GET', '/cards/:card_id', (req) => {
    const card = world.cards.get((req.params as { card_id: string }).card_id);
    if (!card) throw new FaultSpecError('no such card');
    return { card_id: card.id, card_status: card.status, form_factor: card.form, activation_code: card.activationCode };
  });
}

function scopeOf(req: FastifyRequest): string {
  const scope = objectBody(req).scope;
  if (typeof scope !== 'string' || scope === '') throw new FaultSpecError('scope must be a non-empty string');
  return scope;
}

function objectBody(req: FastifyRequest): Record<string, unknown> {
  if (typeof req.body !== 'string' || req.body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.body);
  } catch {
    throw new FaultSpecError('body is not JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new FaultSpecError('body must be an object');
  return parsed as Record<string, unknown>;
}

async function answer(reply: FastifyReply, run: () => unknown): Promise<FastifyReply> {
  try {
    return reply
      .code(200)
      .type('application/json; charset=utf-8')
      .send(await run());
  } catch (error) {
    if (!(error instanceof FaultSpecError)) throw error;
    return reply.code(400).type('application/json; charset=utf-8').send({ code: 400, message: error.message });
  }
}
