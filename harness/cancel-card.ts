// Cancelling a card at the end of a run. Issuing is asynchronous, so a card created in the run's last moments may
// still be PENDING, and a pending card cannot be cancelled yet: the answer would look like "already cancelling" and
// the card would stay live unnoticed. So a refused cancel reads the card; if it is still PENDING, it waits for the
// card to settle (generators/await-card.ts, bounded) and cancels again. A card that then cannot be cancelled counts
// as failed, and the run says so.

import { type AwaitPolicy, awaitIssuedCard, DEFAULT_AWAIT } from '../generators/await-card.ts';
import { ArrangeError, type RequestSpec, type ScenarioContext } from '../generators/types.ts';
import type { ApiClient, Observed } from './client.ts';

export async function cancelCard(
  client: ApiClient,
  card: { cardId: string; onBehalfOf: string | undefined },
  alreadyCancelling: string | undefined,
  policy: AwaitPolicy = DEFAULT_AWAIT,
): Promise<boolean> {
  const onBehalf = card.onBehalfOf ? { onBehalfOf: card.onBehalfOf } : {};
  const cancel = () =>
    client
      .send({
        operation: 'Update Card Status',
        params: { card_id: card.cardId },
        body: { card_status: 'CANCELLED', update_reason: 'conformance run cleanup' },
        ...onBehalf,
      })
      .catch(() => null);
  const refusedAsGone = (answer: Observed | null) =>
    (answer?.json as { message?: unknown } | undefined)?.message === alreadyCancelling;
  let answer = await cancel();
  if (answer && answer.status < 300) return true;
  if (!refusedAsGone(answer)) return false;
  const read = await client
    .send({ operation: 'Retrieve Card', params: { card_id: card.cardId }, ...onBehalf })
    .catch(() => null);
  const status = (read?.json as { card_status?: unknown } | undefined)?.card_status;
  // Cancelled already, or never issued: nothing is live.
  if (status === 'PRE_CANCEL' || status === 'CANCELLED' || status === 'FAILED') return true;
  if (status === 'PENDING') {
    try {
      await awaitIssuedCard(arranger(client), { card_id: card.cardId, card_status: status }, card.onBehalfOf, policy);
    } catch {
      return false;
    }
  }
  answer = await cancel();
  return Boolean(answer && answer.status < 300);
}

/** Just enough of a scenario context for the waiting: arrange calls through the client. */
function arranger(client: ApiClient): Pick<ScenarioContext, 'arrange'> {
  return {
    arrange: async (spec: RequestSpec) => {
      const observed = await client.send(spec);
      if (observed.status >= 300 || typeof observed.json !== 'object' || !observed.json) {
        throw new ArrangeError(`${spec.operation} answered ${observed.status}`, observed);
      }
      return observed.json as Record<string, unknown>;
    },
  };
}
