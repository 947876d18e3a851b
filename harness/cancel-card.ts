// Cancelling one card at the end of a run. Issuing is asynchronous, so a card created in the run's last moments may
// still be PENDING, and a pending card cannot be cancelled yet: its refusal reads like "already cancelling" and the
// card would stay live unnoticed. So a refused cancel reads the card: cancelled, cancelling or never issued is
// done; still PENDING waits for it to settle (generators/await-card.ts, bounded) and cancels again. A card that then
// cannot be cancelled counts as failed, and the run says so.

import { randomUUID } from 'node:crypto';
import type { Observed, RequestSpec } from '../contract/request.ts';
import { type AwaitPolicy, awaitIssuedCard, DEFAULT_AWAIT } from '../generators/await-card.ts';
import { ArrangeError } from '../generators/types.ts';

/** Sends one request (with whatever retries the caller applies); null when no answer came. */
export type Send = (spec: RequestSpec) => Promise<Observed | null>;

/** Nothing of the card is live: cancelled, being cancelled, or its issuing failed. */
const NOT_LIVE = new Set(['CANCELLED', 'PRE_CANCEL', 'FAILED']);

export async function cancelCard(
  send: Send,
  card: { cardId: string; who: Pick<RequestSpec, 'auth' | 'onBehalfOf'> },
  policy: AwaitPolicy = DEFAULT_AWAIT,
): Promise<boolean> {
  const cancel = async () => {
    const answer = await send({
      operation: 'Update Card Status',
      params: { card_id: card.cardId },
      body: { card_status: 'CANCELLED', update_reason: 'conformance run cleanup' },
      idempotencyKey: randomUUID(),
      ...card.who,
    });
    return Boolean(answer && answer.status >= 200 && answer.status < 300);
  };
  const status = async () => {
    const read = await send({ operation: 'Retrieve Card', params: { card_id: card.cardId }, ...card.who });
    const value = (read?.json as { card_status?: unknown } | undefined)?.card_status;
    return read?.status === 200 && typeof value === 'string' ? value : null;
  };
  if (await cancel()) return true;
  // Refused: perhaps a scenario cancelled it already, or it is still being issued. Only its status can say.
  const current = await status();
  if (current !== null && NOT_LIVE.has(current)) return true;
  if (current !== 'PENDING') return false;
  const arranger = {
    arrange: async (spec: RequestSpec) => {
      const observed = await send({ ...spec, ...card.who });
      if (!observed || observed.status >= 300 || typeof observed.json !== 'object' || !observed.json) {
        throw new ArrangeError(`${spec.operation} answered ${observed?.status ?? 'nothing'}`, observed ?? undefined);
      }
      return observed.json as Record<string, unknown>;
    },
  };
  try {
    await awaitIssuedCard(arranger, { card_id: card.cardId, card_status: current }, card.who.onBehalfOf, policy);
  } catch (error) {
    // Settled as FAILED: never issued, nothing to cancel. Still pending when the wait ran out: left live.
    if (!(error instanceof ArrangeError)) throw error;
    const settled = await status();
    return settled !== null && NOT_LIVE.has(settled);
  }
  return cancel();
}
