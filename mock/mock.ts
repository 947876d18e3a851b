// A mock instance as server.ts builds it, and as the control surface (http/control.ts) reads it.

import type { FastifyInstance } from 'fastify';
import type { Fixtures } from '../contract/fixtures.ts';
import type { PipelineServices } from './http/pipeline.ts';
import type { MockOptions } from './options.ts';
import type { WebhookDispatcher } from './webhooks/dispatcher.ts';

export interface Mock {
  app: FastifyInstance;
  services: PipelineServices;
  fixtures: Fixtures;
  options: MockOptions;
  /** Every request answered (control routes and unknown paths too), token mints among them, by status. */
  stats: { requests: number; mints: number; byStatus: Record<string, number> };
  webhooks: WebhookDispatcher;
}

export interface RunningMock extends Mock {
  /** The API base, as the vendor gives it: http://127.0.0.1:<port>/api */
  baseUrl: string;
  close(): Promise<void>;
}
