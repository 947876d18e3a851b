// Update Card Status (mock/RULES.md §Cards, "Update Card Status"). Users may freeze, unfreeze and cancel; a cancel
// moves the card to PRE_CANCEL (authorizations declined while it settles), from where nothing brings it back.

import { fail } from '../../errors.ts';
import type { CardStatus } from '../../state/types.ts';
import { type OpHandler, ok } from '../context.ts';
import { optionalString, requiredString, uuid } from '../fields.ts';
import { resolveCard } from '../lookup.ts';
import { newOrder, statusEventData } from '../render.ts';
import { isExpired } from './card-checks.ts';

const MAX_REASON = 100;
/** Statuses a user may ask for; BLOCKED and the rest are set by UQPAY or the card's lifecycle. */
const USER_SETTABLE = new Set(['ACTIVE', 'FROZEN', 'CANCELLED']);
/** Statuses freeze and unfreeze work from. */
const TOGGLEABLE: ReadonlySet<CardStatus> = new Set(['ACTIVE', 'FROZEN']);
/** Statuses a cancel works from. */
const CANCELLABLE: ReadonlySet<CardStatus> = new Set(['ACTIVE', 'FROZEN', 'BLOCKED']);

export const updateCardStatus: OpHandler = (ctx) => {
  const cardId = uuid(ctx.params.card_id ?? '', 'card_id');
  const requested = requiredString(ctx.body, 'card_status');
  const reason = optionalString(ctx.body, 'update_reason') ?? null;
  const card = resolveCard(ctx, cardId);
  if (reason !== null && [...reason].length > MAX_REASON) throw fail('card.b.update_reason_is_too_long');
  if (isExpired(ctx, card)) throw fail('card.b.the_card_has_expired');
  if (!USER_SETTABLE.has(requested)) throw fail('card.b.card_status_is_invalid');
  if (requested !== 'CANCELLED' && !TOGGLEABLE.has(card.status)) throw fail('card.b.card_status_is_invalid');
  if (requested === 'CANCELLED' && !CANCELLABLE.has(card.status)) {
    throw fail('card.b.the_card_currently_does_not_support_cancel');
  }

  card.status = requested === 'CANCELLED' ? 'PRE_CANCEL' : (requested as CardStatus);
  card.updateReason = reason;
  const order = newOrder(ctx.world, card, 'CARD_UPDATE', 0);
  ctx.world.events.emit('card.status.update.succeeded', order.id, statusEventData(ctx.world, card));
  return ok({ card_id: card.id, card_order_id: order.id, order_status: order.status, update_reason: reason });
};
