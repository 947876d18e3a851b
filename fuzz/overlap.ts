// k copies of one request that really overlap. On the mock the first copy is held by a hold fault once it has taken
// its idempotency key (mock/http/holds.ts), and the other k − 1 are sent while it provably waits, so the mock's
// request_being_processed branch runs every time. Elsewhere all k leave at once and overlap by the target's
// natural latency; whether they did cannot be proven, so the caller judges only what any order allows.

import { loadCatalog } from '../catalog/load.ts';
import type { Observed, RequestSpec } from '../contract/request.ts';
import { ArrangeError, type ScenarioContext } from '../generators/types.ts';
import { scopedRequest } from '../harness/scope.ts';
import { uniqueText } from './values.ts';

export interface Overlap {
  /** True when the first copy was held while the others were answered (the mock). */
  held: boolean;
  first: Observed;
  duplicates: Observed[];
}

export async function sendOverlapping(ctx: ScenarioContext, spec: RequestSpec, k: number): Promise<Overlap> {
  const { fixtures } = ctx;
  if (!fixtures.awaitHeld || !fixtures.releaseHeld) {
    const [first, ...duplicates] = await Promise.all(Array.from({ length: k }, () => ctx.send(spec)));
    return { held: false, first: first as Observed, duplicates };
  }
  const operation = loadCatalog().operationByName.get(spec.operation)?.id;
  if (!operation) throw new ArrangeError(`no operation ${spec.operation} in the catalog`);
  // From the case's seed, like every other byte of the request.
  const scope = uniqueText(32);
  await fixtures.armFault({ kind: 'hold', operation, scope, count: 1 });
  const send = () => ctx.send(scopedRequest(spec, scope));
  const first = send().then(
    (value) => ({ ok: true as const, value }),
    (reason: unknown) => ({ ok: false as const, reason }),
  );
  let duplicates: Observed[];
  try {
    if (!(await fixtures.awaitHeld(scope))) throw new ArrangeError('the mock never held the first copy');
    duplicates = await Promise.all(Array.from({ length: k - 1 }, send));
  } finally {
    await fixtures.releaseHeld(scope);
  }
  const answered = await first;
  if (!answered.ok) throw answered.reason;
  return { held: true, first: answered.value, duplicates };
}
