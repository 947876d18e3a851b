// The mock Card Issuance API: a fastify server on loopback that serves the real paths under /api, the token flow,
// and a control surface under /__mock. createMock() builds it; startMock() also listens (port 0 by default).

import { setTimeout as sleep } from 'node:timers/promises';
import type FastifyFactory from 'fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EXTRA_OPERATIONS } from '../catalog/extra-operations.ts';
import { type Catalog, loadCatalog } from '../catalog/load.ts';
import type { AnyOperation } from '../catalog/types.ts';
import { requireCommonJs } from '../lib/common-js.ts';
import { ApiFailure, fail, RoutingFailure } from './errors.ts';
import { registerControlRoutes } from './http/control.ts';
import { FaultBoard } from './http/faults.ts';
import { IdempotencyStore } from './http/idempotency.ts';
import { type PipelineServices, profileLatency, RESET, runOperation } from './http/pipeline.ts';
import { RateLimiter } from './http/rate-limit.ts';
import { RouteTable } from './http/routes.ts';
import { TokenService } from './http/tokens.ts';
import type { Mock, RunningMock } from './mock.ts';
import { HANDLERS } from './ops/registry.ts';
import { type MockOptions, mockOptions } from './options.ts';
import { type HttpAnswer, Responder } from './responder.ts';
import { seedWorld } from './state/seed.ts';
import type { World } from './state/world.ts';
import { WebhookDispatcher } from './webhooks/dispatcher.ts';

export const API_PREFIX = '/api';

const Fastify = requireCommonJs<typeof FastifyFactory>('fastify');

export type { Mock, RunningMock };

export function createMock(partial: Partial<MockOptions> = {}, catalog: Catalog = loadCatalog()): Mock {
  const options = mockOptions(partial);
  const { world, fixtures } = seedWorld(options);
  const services = pipelineServices(options, world, catalog);
  const app = fastifyApp(options);
  const stats = { requests: 0, mints: 0, byStatus: {} as Record<string, number> };
  const webhooks = new WebhookDispatcher(world.events, options.webhookUrl, options.webhookSecret);
  app.addHook('onClose', async () => world.settlements.close());
  const mock: Mock = { app, services, fixtures, options, stats, webhooks };
  const routes = new RouteTable();

  // Bodies are kept as text so that JSON errors are judged in the documented order, after authentication.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.addHook('onResponse', async (_req, reply) => {
    stats.requests++;
    stats.byStatus[reply.statusCode] = (stats.byStatus[reply.statusCode] ?? 0) + 1;
  });

  routes.add(app, 'POST', `${API_PREFIX}/v1/connect/token`, (req, reply) => serveToken(mock, req, reply));
  // The documented operations, plus List Products, which the real API has and integrations need.
  for (const op of [...catalog.operations, ...EXTRA_OPERATIONS]) {
    routes.add(app, op.method, `${API_PREFIX}${op.path.replace(/\{(\w+)\}/gu, ':$1')}`, (req, reply) =>
      serveOperation(services, op, req, reply),
    );
  }
  // Hidden (--sandbox-like), /__mock/* is an unknown route, as on the sandbox: a suite then treats this as one.
  if (options.controlSurface) registerControlRoutes(mock, routes);
  app.setNotFoundHandler((req, reply) => sendRouting(reply, routingFailure(routes, req)));
  app.setErrorHandler((error: { code?: string; statusCode?: number }, _req, reply) =>
    answerFrameworkError(services, error, reply),
  );
  return mock;
}

/** What the request pipeline works with: the world, and the parts that answer, count, limit and fault. */
function pipelineServices(options: MockOptions, world: World, catalog: Catalog): PipelineServices {
  const random = () => world.faker.number.float({ min: 0, max: 1 });
  return {
    world,
    options,
    responder: new Responder(catalog, options.variant, options.variants),
    tokens: new TokenService(world, options.tokenTtlSeconds),
    idempotency: new IdempotencyStore(world.clock),
    limiter: new RateLimiter(world.clock),
    faults: new FaultBoard(random, catalog),
    handlers: HANDLERS,
    random,
    produced: new Map(),
  };
}

function noRouteSchemas(): never {
  throw new Error('the mock declares no fastify route schemas: its rules check requests (mock/http/pipeline.ts)');
}

/** The fastify server, with the mock's limits and with fastify's own error bodies turned into the API's. */
function fastifyApp(options: MockOptions) {
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimitBytes,
    forceCloseConnections: true,
    // Half-sent requests are cut off (checked often, not at node's default 30 s); connections are capped.
    requestTimeout: options.requestTimeoutMs,
    http: {
      headersTimeout: options.headersTimeoutMs,
      requestTimeout: options.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, options.headersTimeoutMs / 2),
    },
    // Long path ids reach the rules (which refuse them as malformed ids) instead of fastify's own 414 body.
    routerOptions: { maxParamLength: 16_384 },
    // A path that cannot be percent-decoded names no endpoint: the routing 404, not fastify's own 400 body.
    frameworkErrors: (error, req, reply) => {
      sendRouting(reply, new RoutingFailure(404, `No such endpoint: ${req.method} (${error.message})`));
    },
    // No route declares a fastify schema (the rules check bodies, in the documented order): fastify's default schema
    // compilers would load @fastify/ajv-compiler and ajv at every start for nothing (about 90 ms of the mock's
    // start-up, node --cpu-prof). A schema added to a route fails at start-up instead of going unchecked.
    schemaController: { compilersFactory: { buildValidator: noRouteSchemas, buildSerializer: noRouteSchemas } },
  });
  app.server.maxConnections = options.maxConnections;
  return app;
}

/** The token endpoint: counted, paced like the operations, limited per client id. */
async function serveToken({ services, stats }: Mock, req: FastifyRequest, reply: FastifyReply) {
  try {
    const header = (name: string) => [req.headers[name]].flat()[0];
    stats.mints++;
    const latency = profileLatency(services);
    if (latency > 0) await sleep(latency);
    limitMints(services, header('x-client-id'));
    send(reply, { status: 200, body: services.tokens.mint(header('x-client-id'), header('x-api-key')), headers: {} });
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    send(reply, services.responder.answer(error));
  }
}

/** A path no route serves: 405 with Allow where other methods serve it, else 404. */
function routingFailure(routes: RouteTable, req: FastifyRequest): RoutingFailure {
  const path = req.url.split('?')[0] ?? '';
  const allowed = routes.methodsFor(path);
  return allowed.length
    ? new RoutingFailure(405, `Method ${req.method} is not allowed on ${path}`, { allow: allowed.join(', ') })
    : new RoutingFailure(404, `No such endpoint: ${req.method} ${path}`);
}

/** An error fastify raised: a body over the limit is 413; others the documented 400, or 500 (logged). */
function answerFrameworkError(
  services: PipelineServices,
  error: { code?: string; statusCode?: number },
  reply: FastifyReply,
): FastifyReply {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return sendRouting(reply, new RoutingFailure(413, `Request body exceeds ${services.options.bodyLimitBytes} bytes`));
  }
  const isClientError = (error.statusCode ?? 500) < 500;
  if (!isClientError) console.error('mock: unexpected error:', error);
  return send(
    reply,
    services.responder.answer(
      new ApiFailure(isClientError ? 'general.b.request_parameters_invalid' : 'general.api_error', {
        message: 'internal server error',
      }),
    ),
  );
}

export async function startMock(partial: Partial<MockOptions> = {}, catalog?: Catalog): Promise<RunningMock> {
  return listenMock(createMock(partial, catalog));
}

/** Starts a created mock listening on its host and port (0: any free one), and names its base URL. */
export async function listenMock(mock: Mock): Promise<RunningMock> {
  await mock.app.listen({ host: mock.options.host, port: mock.options.port });
  const address = mock.app.server.address();
  const port = typeof address === 'object' && address ? address.port : mock.options.port;
  return {
    ...mock,
    baseUrl: `http://${mock.options.host}:${port}${API_PREFIX}`,
    close: () => mock.app.close(),
  };
}

async function serveOperation(services: PipelineServices, op: AnyOperation, req: FastifyRequest, reply: FastifyReply) {
  const answer = await runOperation(services, op, {
    path: req.url.split('?')[0] ?? req.url,
    headers: req.headers,
    params: req.params as Record<string, string>,
    query: req.query as Record<string, string | string[] | undefined>,
    rawBody: typeof req.body === 'string' ? req.body : undefined,
  });
  if (answer === RESET) {
    reply.hijack();
    req.raw.socket.destroy();
    return;
  }
  send(reply, answer);
}

/** The token endpoint's own limit per client id (the sandbox's 60/min, --sandbox-like): 429 with Retry-After. */
function limitMints(services: PipelineServices, clientId: string | undefined): void {
  const limit = services.options.tokenRateLimit;
  if (!limit) return;
  const wait = services.limiter.hitSliding(`mint:${clientId ?? ''}`, limit.limit, limit.windowMs);
  if (wait !== null) throw fail('general.b.request_is_too_frequent', {}, { 'retry-after': String(wait) });
}

function send(reply: FastifyReply, answer: HttpAnswer): FastifyReply {
  if (answer.raw?.contentType === null) {
    // Fastify labels every payload it sends; an answer with no Content-Type must bypass it.
    reply.hijack();
    reply.raw.writeHead(answer.status, answer.headers).end(answer.raw.text);
    return reply;
  }
  if (answer.raw)
    return reply.code(answer.status).headers(answer.headers).type(answer.raw.contentType).send(answer.raw.text);
  const type = answer.headers['content-type'] ?? 'application/json; charset=utf-8';
  return reply.code(answer.status).headers(answer.headers).type(type).send(answer.body);
}

function sendRouting(reply: FastifyReply, failure: RoutingFailure): FastifyReply {
  return send(reply, {
    status: failure.status,
    body: { code: failure.status, message: failure.message },
    headers: failure.headers,
  });
}
