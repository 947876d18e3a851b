// The webhook part of the control surface: where events go, and what was sent. Integrators point the mock at
// their handler (POST /__mock/webhooks {url, secret?}) and read back each delivery with the handler's status.

import type { FastifyRequest } from 'fastify';
import { FaultSpecError } from '../http/faults.ts';
import type { Mock } from '../mock.ts';

export const WEBHOOK_INDEX = {
  'GET /__mock/webhooks': 'published events and their deliveries: {url, deliveries: [{event, url, status, error}]}',
  'POST /__mock/webhooks': 'set where events are POSTed: {url: string|null, secret?}',
  'DELETE /__mock/webhooks': 'forget the deliveries logged so far',
};

/** Adds one /__mock route whose handler's value (or FaultSpecError) becomes the JSON answer (mock/http/control.ts). */
export type ControlRoute = (
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  handler: (req: FastifyRequest) => unknown,
) => void;

export function registerWebhookRoutes(
  mock: Mock,
  route: ControlRoute,
  body: (req: FastifyRequest) => Record<string, unknown>,
) {
  const { webhooks } = mock;
  const state = async () => {
    // Deliveries in flight finish first, so a test reads a settled log.
    await webhooks.idle();
    return { url: webhooks.url, deliveries: webhooks.log };
  };
  route('GET', '/webhooks', state);
  route('POST', '/webhooks', (req) => {
    const { url, secret } = body(req);
    if (url !== null && (typeof url !== 'string' || !isHttpUrl(url))) {
      throw new FaultSpecError('url must be an http(s) URL or null');
    }
    if (secret !== undefined && (typeof secret !== 'string' || secret === '')) {
      throw new FaultSpecError('secret must be a non-empty string');
    }
    webhooks.url = url;
    if (secret !== undefined) webhooks.secret = secret;
    return { url: webhooks.url };
  });
  route('DELETE', '/webhooks', () => {
    webhooks.log.splice(0);
    return { url: webhooks.url, deliveries: [] };
  });
}

export function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
