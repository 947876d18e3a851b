// Feeds the cleanup ledger from the HTTP client: what each answer created (cards, cardholders, orders), and every
// card-issuing request whose outcome is unknown (no answer, or a 5xx that may have come after the card was issued).

import type { CredentialName } from '../contract/fixtures.ts';
import type { Observed, RequestSpec } from '../contract/request.ts';
import type { ClientObserver } from './client.ts';
import { CREATES_CARDS, type Ledger } from './ledger.ts';

export function ledgerObserver(ledger: Ledger): ClientObserver {
  const settle = (spec: RequestSpec, key: string | null) => {
    if (CREATES_CARDS.has(spec.operation) && key)
      ledger.append({ kind: 'settled', operation: spec.operation, idempotency_key: key });
  };
  return {
    // Written ahead: a run killed while a card request is in flight (a signal, a terminated worker) leaves this line,
    // and the cleanup looks the card up by its cardholder. Any answer with the same key settles it.
    sending(spec, idempotencyKey) {
      // A request without a key cannot be settled by its answer: it keeps the after-the-fact rule below.
      if (CREATES_CARDS.has(spec.operation) && idempotencyKey) unknownOutcome(ledger, spec, idempotencyKey);
    },
    notSent: settle,
    answered(spec, observed) {
      if (CREATES_CARDS.has(spec.operation) && observed.status >= 500) {
        unknownOutcome(ledger, spec, observed.request.idempotencyKey);
        return;
      }
      if (observed.status < 200 || observed.status >= 300) {
        settle(spec, observed.request.idempotencyKey);
        return;
      }
      recordCreated(ledger, spec, observed);
    },
    unanswered(spec, idempotencyKey) {
      if (CREATES_CARDS.has(spec.operation)) unknownOutcome(ledger, spec, idempotencyKey);
    },
  };
}

function recordCreated(ledger: Ledger, spec: RequestSpec, observed: Observed): void {
  const body = observed.json as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') return;
  const who = { credential: credentialOf(spec), on_behalf_of: spec.onBehalfOf ?? null };
  const cardId = typeof body.card_id === 'string' ? body.card_id : null;
  if (CREATES_CARDS.has(spec.operation) && cardId) {
    ledger.append({
      kind: 'card',
      card_id: cardId,
      operation: spec.operation,
      idempotency_key: observed.request.idempotencyKey,
      ...who,
    });
  }
  const createdHolder = spec.operation === 'Create Cardholder' || body.cardholder_created === true;
  if (createdHolder && typeof body.cardholder_id === 'string') {
    ledger.append({ kind: 'cardholder', cardholder_id: body.cardholder_id, ...who });
  }
  if (typeof body.card_order_id === 'string') {
    ledger.append({ kind: 'order', card_order_id: body.card_order_id, card_id: cardId, operation: spec.operation });
  }
}

function unknownOutcome(ledger: Ledger, spec: RequestSpec, idempotencyKey: string | null): void {
  const body = spec.body as { cardholder_id?: unknown } | undefined;
  ledger.append({
    kind: 'unanswered',
    operation: spec.operation,
    cardholder_id: typeof body?.cardholder_id === 'string' ? body.cardholder_id : null,
    idempotency_key: idempotencyKey,
    credential: credentialOf(spec),
    on_behalf_of: spec.onBehalfOf ?? null,
    sent_at: new Date().toISOString(),
  });
}

function credentialOf(spec: RequestSpec): CredentialName {
  return spec.auth?.kind === 'credential' ? spec.auth.name : 'default';
}
