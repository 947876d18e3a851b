// The events the platform publishes (the vendor's webhook pages, v1.6): one envelope for all of them —
// {version, event_name: "ISSUING", event_type, event_id, source_id, data}. Operation rules and settlements emit
// them here; the dispatcher delivers them when a URL is set. Event ids come from crypto, not the seeded faker, so
// that emitting events (some from timers) never shifts the ids a seed gives to cards and cardholders.

import { randomUUID } from 'node:crypto';

export const WEBHOOK_VERSION = 'V1.6.0';

/** The event types the mock publishes, by the vendor's names. */
export type WebhookEventType =
  | 'card.create.succeeded'
  | 'card.create.failed'
  | 'card.status.update.succeeded'
  | 'card.recharge.succeeded'
  | 'card.withdraw.succeeded'
  | 'cardholder.kyc.status_changed'
  | 'issuing.transaction.authorization'
  | 'issuing.transaction.reversal'
  | 'issuing.report.succeeded';

export interface WebhookEvent {
  version: string;
  event_name: 'ISSUING';
  event_type: WebhookEventType;
  event_id: string;
  source_id: string;
  data: unknown;
}

export type EventListener = (event: WebhookEvent) => void;

export class EventOutbox {
  private readonly listeners: EventListener[] = [];

  emit(type: WebhookEventType, sourceId: string, data: unknown): WebhookEvent {
    const event: WebhookEvent = {
      version: WEBHOOK_VERSION,
      event_name: 'ISSUING',
      event_type: type,
      event_id: randomUUID(),
      source_id: sourceId,
      data,
    };
    for (const listener of this.listeners) listener(event);
    return event;
  }

  subscribe(listener: EventListener): void {
    this.listeners.push(listener);
  }
}
