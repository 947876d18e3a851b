// The model of one virtual card's lifecycle on the standard (SINGLE-mode) product, in cents: what the card's
// status and available amount and the acting account's SGD issuing balance must be after each legal step, and the
// documented entry an illegal step must answer. Built from mock/RULES.md §Cards and §Transactions.

export type CardState = 'ACTIVE' | 'FROZEN' | 'PRE_CANCEL';

export interface Authorization {
  id: string;
  cents: number;
  /** Approved and not yet reversed (a declined authorization or a reversed one cannot be reversed). */
  reversible: boolean;
}

export interface LifecycleModel {
  card: { status: CardState; availableCents: number; perTransactionCents: number | null } | null;
  balanceCents: number;
  authorizations: Authorization[];
}

/** The entry an illegal step answers, or null when the step is legal. */
export type Prediction = string | null;

export function predictStatusChange(model: LifecycleModel, requested: 'ACTIVE' | 'FROZEN' | 'CANCELLED'): Prediction {
  const status = model.card?.status;
  if (requested === 'CANCELLED')
    return status === 'PRE_CANCEL' ? 'card.b.the_card_currently_does_not_support_cancel' : null;
  return status === 'PRE_CANCEL' ? 'card.b.card_status_is_invalid' : null;
}

export function predictRecharge(model: LifecycleModel, cents: number): Prediction {
  if (model.card?.status !== 'ACTIVE') return 'card.b.the_card_is_not_active';
  return cents > model.balanceCents ? 'card.b.insufficient_balance' : null;
}

export function predictWithdraw(model: LifecycleModel, cents: number): Prediction {
  if (model.card?.status !== 'ACTIVE') return 'card.b.the_card_is_not_active';
  return cents > model.card.availableCents ? 'card.b.card_available_limit_insufficient' : null;
}

export function predictLimitUpdate(model: LifecycleModel, kind: 'per-transaction' | 'card-limit'): Prediction {
  if (model.card?.status !== 'ACTIVE') return 'card.b.the_card_is_not_active';
  return kind === 'card-limit' ? 'card.b.the_single_card_not_support_changing_card_limits' : null;
}

export function predictAuthorization(model: LifecycleModel, cents: number): Prediction {
  if (model.card?.status !== 'ACTIVE') return 'transaction.b.card_authorize_transaction_is_error';
  const perTransaction = model.card.perTransactionCents;
  return perTransaction !== null && cents > perTransaction ? 'transaction.b.restrict_config_error' : null;
}

export function predictReversal(authorization: Authorization): Prediction {
  return authorization.reversible ? null : 'transaction.b.card_reversal_transaction_is_error';
}

export const toCents = (text: unknown) => Math.round(Number(text) * 100);
export const fromCents = (cents: number) => cents / 100;
