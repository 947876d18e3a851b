// Delivers published events to the integrator's URL, signed the way the vendor signs them and the official SDKs
// verify them (uqpay-node src/webhooks.ts): x-wk-timestamp = unix seconds, x-wk-signature = hex
// HMAC-SHA512(secret, rawBody + timestamp). Every attempt is logged for GET /__mock/webhooks, so an integrator's
// test can see what was sent and what their handler answered. Deliveries run in order, one at a time.

import { createHmac } from 'node:crypto';
import type { EventOutbox, WebhookEvent } from './events.ts';

export interface Delivery {
  event: WebhookEvent;
  url: string | null;
  /** The receiver's HTTP status; null when nothing was sent (no URL) or the receiver could not be reached. */
  status: number | null;
  error: string | null;
  sent_at: string;
}

export const DEFAULT_WEBHOOK_SECRET = 'mock-webhook-secret';
const DELIVERY_TIMEOUT_MS = 5_000;
/** The log keeps the latest deliveries only, so a long-running mock does not grow without bound. */
const LOG_LIMIT = 1_000;

export function signWebhook(secret: string, rawBody: string, timestamp: string): string {
  return createHmac('sha512', secret)
    .update(rawBody + timestamp)
    .digest('hex');
}

export class WebhookDispatcher {
  readonly log: Delivery[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    outbox: EventOutbox,
    public url: string | null,
    public secret: string,
  ) {
    outbox.subscribe((event) => {
      this.queue = this.queue.then(() => this.deliver(event));
    });
  }

  /** Resolves once every event published so far has been delivered (or has failed to be). */
  idle(): Promise<void> {
    return this.queue;
  }

  private async deliver(event: WebhookEvent): Promise<void> {
    const url = this.url;
    const entry: Delivery = { event, url, status: null, error: null, sent_at: new Date().toISOString() };
    if (url) {
      const body = JSON.stringify(event);
      const timestamp = String(Math.floor(Date.now() / 1000));
      try {
        // Node's own fetch: nothing more to load when the mock starts.
        const answer = await fetch(url, {
          method: 'POST',
          body,
          headers: {
            'content-type': 'application/json',
            'x-wk-timestamp': timestamp,
            'x-wk-signature': signWebhook(this.secret, body, timestamp),
          },
          signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
        });
        await answer.arrayBuffer();
        entry.status = answer.status;
      } catch (error) {
        entry.error = (error as Error).message;
      }
    }
    this.log.push(entry);
    if (this.log.length > LOG_LIMIT) this.log.splice(0, this.log.length - LOG_LIMIT);
  }
}
