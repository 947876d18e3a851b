// Sending a duplicate while the first copy is in flight (general.request_being_processed). On the mock the first copy
// is held through the control surface until the duplicate has been answered: deterministic, milliseconds. Elsewhere
// the overlap can only be attempted by timing; when it provably failed, the case is an environment error, not a pass
// or a fail.

import { ArrangeError, type RequestSpec, type ScenarioContext } from '../generators/types.ts';
import type { Observed } from './client.ts';

/** How long the first copy gets to reach the target before the duplicate is sent (targets without holds). */
const OVERLAP_DELAY_MS = 250;

export async function sendDuplicateInFlight(
  ctx: ScenarioContext,
  duplicate: RequestSpec,
  first: RequestSpec,
): Promise<Observed> {
  const { awaitHeld, releaseHeld } = ctx.fixtures;
  if (awaitHeld && releaseHeld) {
    const firstAnswer = ctx.send(first);
    firstAnswer.catch(() => undefined);
    try {
      if (!(await awaitHeld())) throw new ArrangeError('the mock never held the first copy (hold fault not armed?)');
      return await ctx.send(duplicate);
    } finally {
      await releaseHeld();
      await firstAnswer;
    }
  }
  let firstAnsweredAt = Number.POSITIVE_INFINITY;
  const firstAnswer = ctx.send(first).finally(() => {
    firstAnsweredAt = performance.now();
  });
  firstAnswer.catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, OVERLAP_DELAY_MS));
  const sentAt = performance.now();
  const observed = await ctx.send(duplicate);
  const duplicateAnsweredAt = performance.now();
  await firstAnswer;
  // A duplicate answered 2xx after the first copy finished may be a legitimate replay: the overlap is unproven.
  if (firstAnsweredAt <= sentAt || (observed.status < 400 && firstAnsweredAt <= duplicateAnsweredAt)) {
    throw new ArrangeError(
      `could not arrange the overlap: the first copy was answered before the duplicate ${firstAnsweredAt <= sentAt ? 'was sent' : 'was processed'}`,
    );
  }
  return observed;
}
