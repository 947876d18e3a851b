// Waiting for asynchronous issuing. On the real platform Create Card and Assign Card answer card_status PENDING
// (order PROCESSING) and the card turns ACTIVE or FAILED later; third-party KYC answers PENDING and turns SUCCESS.
// An arrange step that needs the settled resource polls its Retrieve operation with a backoff, bounded in time and
// in requests. The polls are arrange requests; a resource that never settles, or fails, is an environment error
// (ArrangeError) that names it. An answer that is already settled costs no request at all.

import type { RequestSpec } from '../contract/request.ts';
import { ArrangeError, type ScenarioContext } from './types.ts';

export interface AwaitPolicy {
  /** Delay before the first poll; each later delay is multiplied by factor, up to maxDelayMs. */
  firstDelayMs: number;
  factor: number;
  maxDelayMs: number;
  /** Give up after this long, or after this many polls, whichever comes first. */
  maxWaitMs: number;
  maxPolls: number;
}

/**
 * First poll after 2 ms for the built-in mock (which settles in 1), backing off to 2 s for a sandbox that takes seconds; 25 polls or 30 s at
 * most, well inside the suite's 60 s per case.
 */
export const DEFAULT_AWAIT: AwaitPolicy = {
  firstDelayMs: 2,
  factor: 2,
  maxDelayMs: 2_000,
  maxWaitMs: 30_000,
  maxPolls: 25,
};

/** What the waiting needs of a scenario context: arrange calls (a failed one throws ArrangeError). */
export type Arranger = Pick<ScenarioContext, 'arrange'>;

interface Settling {
  /** What is waited for, for messages: "card 1b2c…". */
  name: string;
  /** The Retrieve request that reads its state. */
  retrieve: RequestSpec;
  field: string;
  pending: readonly string[];
  failed: readonly string[];
}

/** Waits until a card issued by Create Card or Assign Card has left PENDING; FAILED is an environment error. */
export function awaitIssuedCard(
  ctx: Arranger,
  issued: Record<string, unknown>,
  onBehalfOf?: string,
  policy: AwaitPolicy = DEFAULT_AWAIT,
): Promise<void> {
  const cardId = String(issued.card_id);
  const retrieve: RequestSpec = { operation: 'Retrieve Card', params: { card_id: cardId } };
  if (onBehalfOf) retrieve.onBehalfOf = onBehalfOf;
  return awaitSettled(
    ctx,
    issued.card_status,
    { name: `card ${cardId}`, retrieve, field: 'card_status', pending: ['PENDING'], failed: ['FAILED'] },
    policy,
  );
}

/** Waits until a cardholder whose KYC is being checked (PENDING) has an outcome; FAILED is an environment error. */
export function awaitCardholderKyc(
  ctx: Arranger,
  created: Record<string, unknown>,
  onBehalfOf?: string,
  policy: AwaitPolicy = DEFAULT_AWAIT,
): Promise<void> {
  const id = String(created.cardholder_id);
  const retrieve: RequestSpec = { operation: 'Retrieve Cardholder', params: { cardholder_id: id } };
  if (onBehalfOf) retrieve.onBehalfOf = onBehalfOf;
  return awaitSettled(
    ctx,
    created.cardholder_status,
    { name: `cardholder ${id}`, retrieve, field: 'cardholder_status', pending: ['PENDING'], failed: ['FAILED'] },
    policy,
  );
}

async function awaitSettled(ctx: Arranger, initial: unknown, what: Settling, policy: AwaitPolicy): Promise<void> {
  let state = initial;
  const started = Date.now();
  let delay = policy.firstDelayMs;
  let polls = 0;
  while (what.pending.includes(String(state))) {
    const elapsed = Date.now() - started;
    if (polls >= policy.maxPolls || elapsed + delay > policy.maxWaitMs) {
      throw new ArrangeError(
        `${what.name} is still ${String(state)} after ${polls} ${what.retrieve.operation} requests in ${elapsed} ms`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * policy.factor, policy.maxDelayMs);
    polls++;
    state = (await ctx.arrange({ ...what.retrieve, poll: true }))[what.field];
  }
  if (what.failed.includes(String(state))) {
    throw new ArrangeError(`${what.name} settled as ${String(state)}: the target failed to issue it`);
  }
}
