// Sending a duplicate while the first copy is in flight (general.request_being_processed). On the mock the first copy
// is held through the control surface until the duplicate has been answered: deterministic, milliseconds. Elsewhere
// the overlap can only be attempted by timing; when it provably failed, the case is an environment error, not a pass
// or a fail. Either way the first copy is the request holding the key: its own answer is checked too, and trouble
// there (5xx, 429, no answer) is CopyTrouble, worth provoking afresh.

import type { Observed, RequestSpec } from '../contract/request.ts';
import { ArrangeError, type ScenarioContext } from '../generators/types.ts';
import { TargetError } from './client.ts';

/** The concurrent copy met environment trouble (5xx, 429, no answer): the provocation is worth another try. */
export class CopyTrouble extends ArrangeError {}

/** The concurrent copy, a valid request, was refused with a 4xx: judged like a rejected twin. */
export class CopyRejected extends ArrangeError {}

type Settled = { ok: true; value: Observed } | { ok: false; reason: unknown };

/** Handled at once: a copy that fails during the wait must not become an unhandled rejection (a phantom case). */
function settle(answer: Promise<Observed>): Promise<Settled> {
  return answer.then(
    (value) => ({ ok: true, value }),
    (reason: unknown) => ({ ok: false, reason }),
  );
}

export async function sendDuplicateInFlight(
  ctx: ScenarioContext,
  duplicate: RequestSpec,
  first: RequestSpec,
): Promise<Observed> {
  const { awaitHeld, releaseHeld } = ctx.fixtures;
  if (awaitHeld && releaseHeld) {
    const firstAnswer = settle(ctx.send(first));
    // A first copy answered without being held (a reset, a refusal before the hold) will never be held: stop
    // waiting then rather than for the mock's whole wait limit. The release below also ends the mock's wait.
    let observed: Observed;
    try {
      const held = await Promise.race([awaitHeld(), firstAnswer.then(() => false)]);
      if (!held) {
        checkCopy(await firstAnswer, first);
        throw new ArrangeError('the mock never held the first copy (hold fault not armed?)');
      }
      observed = await ctx.send(duplicate);
    } finally {
      await releaseHeld();
    }
    checkCopy(await firstAnswer, first);
    return observed;
  }
  let firstAnsweredAt = Number.POSITIVE_INFINITY;
  const firstAnswer = settle(
    ctx.send(first).finally(() => {
      firstAnsweredAt = performance.now();
    }),
  );
  // The client sends the duplicate just behind the first copy (RequestSpec.overlapsFirstCopy): a fixed head start
  // was either too short to arrive second or, on a target answering within it, too long to overlap at all.
  const duplicateAnswer = await settle(ctx.send({ ...duplicate, overlapsFirstCopy: true }));
  const duplicateAnsweredAt = performance.now();
  checkCopy(await firstAnswer, first);
  if (!duplicateAnswer.ok) throw duplicateAnswer.reason;
  const observed = duplicateAnswer.value;
  const sentAt = duplicateAnsweredAt - observed.durationMs;
  // A duplicate answered 2xx after the first copy finished may be a legitimate replay: the overlap is unproven.
  if (firstAnsweredAt <= sentAt || (observed.status < 400 && firstAnsweredAt <= duplicateAnsweredAt)) {
    throw new ArrangeError(
      `could not arrange the overlap: the first copy was answered before the duplicate ${firstAnsweredAt <= sentAt ? 'was sent' : 'was processed'}`,
    );
  }
  return observed;
}

/** The first copy must itself have succeeded, or nothing was provoked. */
function checkCopy(copy: Settled, first: RequestSpec): void {
  if (!copy.ok) throw copy.reason instanceof TargetError ? new CopyTrouble(copy.reason.message) : copy.reason;
  const { status, text } = copy.value;
  if (status >= 200 && status < 300) return;
  const Trouble = status >= 500 || status === 429 ? CopyTrouble : CopyRejected;
  throw new Trouble(
    `the concurrent copy of ${first.operation} answered ${`${status} ${text.slice(0, 160)}`.trimEnd()}`,
    copy.value,
  );
}
